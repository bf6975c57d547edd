package dev.autumncatalog.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavadocTextTest {
    @Test
    void escape_markupTagsAndCommentEnd_becomeEntities() {
        assertThat(JavadocText.escape("a <b> & {@code x} */ \\u002a"))
                .isEqualTo("a &lt;b&gt; &amp; &#123;&#64;code x&#125; *&#47; &#92;u002a");
    }

    @Test
    void escape_nonAscii_becomesNumericEntities() {
        assertThat(JavadocText.escape("Café 😀")).isEqualTo("Caf&#233; &#128512;");
    }

    @Test
    void escape_unassignedCodePointOrLoneSurrogate_becomesReplacementCharacter() {
        assertThat(JavadocText.escape("n\u058cZ")).isEqualTo("n&#65533;Z");
        assertThat(JavadocText.escape("x\ud800y")).isEqualTo("x&#65533;y");
    }

    @Test
    void escape_lineBreaksAndControls_collapseToOneSpace() {
        assertThat(JavadocText.escape("  one\n\ttwo\u2028three\u0007 ")).isEqualTo("one two three");
    }
}
