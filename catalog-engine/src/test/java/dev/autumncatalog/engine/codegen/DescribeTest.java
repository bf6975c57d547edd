package dev.autumncatalog.engine.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.engine.text.JavadocText;
import org.junit.jupiter.api.Test;

class DescribeTest {
    // money, count and cycles moved to text.WordsTest with Describe's number formatting.

    @Test
    void html_neutralisesEverythingThatCouldEndOrBreakTheComment() {
        assertThat(JavadocText.escape("a */ b <i>&</i> {@code x} @see \\u002a/\n c"))
                .isEqualTo("a *&#47; b &lt;i&gt;&amp;&lt;/i&gt; &#123;&#64;code x&#125; &#64;see &#92;u002a/ c");
    }

    @Test
    void html_nonAscii_becomesNumericEntities() {
        assertThat(JavadocText.escape("cr\u00e8me \ud83c\udf6e")).isEqualTo("cr&#232;me &#127854;");
    }

    @Test
    void literal_isAsciiOnlyAndSafeFromUnicodeEscapeProcessing() {
        assertThat(Describe.literal("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Describe.literal("tab\there\nline")).isEqualTo("\"tab\\011here\\012line\"");
        assertThat(Describe.literal("cr\u00e8me")).isEqualTo("\"cr\\u00e8me\"");
    }
}
