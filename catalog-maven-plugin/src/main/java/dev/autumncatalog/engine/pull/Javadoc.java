package dev.autumncatalog.engine.pull;

/** Remote text made safe for a Javadoc comment: it can neither end the comment nor start a tag or an HTML element. */
final class Javadoc {
    private Javadoc() {}

    /** {@code text} with {@code & < > @ \ *}{@code /} and control characters escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
                case '\\':
                    // javac reads unicode escapes (backslash u) even in comments
                    out.append("&#92;");
                    break;
                case '/':
                    out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
                    break;
                default:
                    boolean lineBreak = c == 0x2028 || c == 0x2029; // JavaPoet would start a comment line there
                    out.append((Character.isISOControl(c) && c != '\n') || lineBreak ? ' ' : c);
            }
        }
        return out.toString();
    }
}
