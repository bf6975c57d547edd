package dev.autumncatalog.engine.text;

import java.util.regex.Pattern;

/**
 * Text from a catalog or from Autumn (names, ids, reasons) made safe for a generated Javadoc comment. Code generation
 * and pull both put such text into comments; one rule set keeps both files safe to compile.
 */
public final class JavadocText {
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cntrl}\\u2028\\u2029]+");

    private JavadocText() {}

    /**
     * One line of text made safe for a Javadoc comment: no HTML, no inline tags, no comment end, no unicode escapes,
     * and ASCII only (other characters become numeric entities, so the file reads the same in any source encoding).
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String collapsed = SPACES.matcher(text).replaceAll(" ").strip();
        for (int i = 0; i < collapsed.length(); i++) {
            char c = collapsed.charAt(i);
            if (c > '~') {
                int codePoint = collapsed.codePointAt(i);
                // doclint rejects entities of unassigned code points and lone surrogates; U+FFFD marks the spot.
                boolean printable =
                        Character.isDefined(codePoint) && Character.getType(codePoint) != Character.SURROGATE;
                out.append("&#").append(printable ? codePoint : 0xFFFD).append(';');
                i += Character.charCount(codePoint) - 1;
                continue;
            }
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '@':
                    out.append("&#64;");
                    break;
                case '{':
                    out.append("&#123;");
                    break;
                case '}':
                    out.append("&#125;");
                    break;
                // A backslash could start a unicode escape (\u002a/), which javac decodes before comments.
                case '\\':
                    out.append("&#92;");
                    break;
                case '/':
                    out.append(i > 0 && collapsed.charAt(i - 1) == '*' ? "&#47;" : "/");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
