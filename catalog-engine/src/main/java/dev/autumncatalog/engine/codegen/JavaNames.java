package dev.autumncatalog.engine.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * How catalog ids become Java names, predictably.
 *
 * <ol>
 *   <li>Split the id into words on every character that is not an ASCII letter or digit ({@code _}, {@code -}), and
 *       on case changes: before an upper-case letter that follows a lower-case one ({@code apiCalls}), and before the
 *       last upper-case letter of an acronym followed by a lower-case one ({@code APICalls}). A digit belongs to the
 *       word it follows and never starts a new one ({@code gpt4o}, {@code 3d}).
 *   <li>Upper-case every word and join them with {@code _}: {@code api_calls}, {@code api-calls}, {@code apiCalls}
 *       and {@code APICalls} all become {@code API_CALLS}.
 *   <li>A name that starts with a digit gets a leading {@code _}: {@code 3d_renders} becomes {@code _3D_RENDERS}.
 * </ol>
 *
 * Names are always upper case, so they can never be a Java keyword or literal ({@code class} becomes {@code CLASS},
 * {@code null} becomes {@code NULL}). An id without any letter or digit ({@code _}, {@code --}) has no name.
 */
public final class JavaNames {
    private JavaNames() {}

    /**
     * The {@code UPPER_SNAKE} constant name of a catalog id.
     *
     * @throws IllegalArgumentException when the id has no letter or digit
     */
    public static String constantName(String id) {
        Objects.requireNonNull(id, "id");
        List<String> words = words(id);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("id '" + id + "' has no letter or digit to make a Java name from");
        }
        String name = String.join("_", words).toUpperCase(Locale.ROOT);
        if (Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        // Upper-case ASCII letters, digits and '_' (never alone): always a legal identifier and never a keyword.
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
            throw new IllegalStateException("made an illegal Java name '" + name + "' from id '" + id + "'");
        }
        return name;
    }

    /** The words of an id, split as the class comment describes; empty when it has no letter or digit. */
    static List<String> words(String id) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        // The case of the last letter of the current word; a digit keeps the case of the letter before it.
        boolean lastLower = false;
        boolean lastUpper = false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAsciiLetterOrDigit(c)) {
                flush(word, words);
                lastLower = false;
                lastUpper = false;
                continue;
            }
            if (isUpper(c) && word.length() > 0) {
                boolean camel = lastLower;
                boolean acronymEnd = lastUpper && i + 1 < id.length() && isLower(id.charAt(i + 1));
                if (camel || acronymEnd) {
                    flush(word, words);
                }
            }
            word.append(c);
            if (isUpper(c)) {
                lastUpper = true;
                lastLower = false;
            } else if (isLower(c)) {
                lastLower = true;
                lastUpper = false;
            }
        }
        flush(word, words);
        return words;
    }

    /**
     * {@code name} when it is a valid Java package name.
     *
     * @throws IllegalArgumentException naming the bad part when it is not
     */
    public static String requirePackageName(String name) {
        Objects.requireNonNull(name, "package name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("package name is empty; generated classes need a package");
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("'" + name + "' is not a valid Java package name: it has an empty"
                        + " part (a leading, trailing or double '.')");
            }
            if (SourceVersion.isKeyword(part)) {
                throw new IllegalArgumentException(
                        "'" + name + "' is not a valid Java package name: '" + part + "' is a Java keyword");
            }
            if (!SourceVersion.isIdentifier(part)) {
                throw new IllegalArgumentException(
                        "'" + name + "' is not a valid Java package name: '" + part + "' is not a Java identifier");
            }
        }
        return name;
    }

    /**
     * A valid package name made from any dotted text, such as a Maven group id: characters Java does not allow become
     * {@code _}, a part starting with a digit gets a leading {@code _}, a keyword gets a trailing {@code _}, and empty
     * parts are dropped. {@code com.my-org.2fa.new} becomes {@code com.my_org._2fa.new_}.
     */
    public static String sanitisePackageName(String text) {
        Objects.requireNonNull(text, "text");
        List<String> parts = new ArrayList<>();
        for (String raw : text.split("\\.")) {
            if (raw.isEmpty()) {
                continue;
            }
            StringBuilder part = new StringBuilder();
            raw.codePoints().forEach(cp -> part.appendCodePoint(Character.isJavaIdentifierPart(cp) ? cp : (int) '_'));
            if (!Character.isJavaIdentifierStart(part.codePointAt(0))) {
                part.insert(0, '_');
            }
            String value = part.toString();
            if (SourceVersion.isKeyword(value) || value.equals("_")) {
                value = value + "_";
            }
            parts.add(value);
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has nothing to make a package name from");
        }
        return String.join(".", parts);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isUpper(c) || isLower(c) || (c >= '0' && c <= '9');
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
