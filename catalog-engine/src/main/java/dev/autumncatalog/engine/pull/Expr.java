package dev.autumncatalog.engine.pull;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java expression of the pulled source, laid out the way palantir-java-format would: on one line when it fits in
 * {@link #WIDTH} columns, else a call chain one call per line at +8, and arguments that still do not fit one per line.
 */
abstract class Expr {
    /** The line width the layout aims for (palantir-java-format's). */
    static final int WIDTH = 120;

    /** Continuation indent: two JavaPoet indent levels of four spaces. */
    private static final String IN = "$>$>";

    private static final String OUT = "$<$<";

    /** The expression on one line, with simple type names (the pulled source imports every type it uses). */
    abstract String flat();

    /** The expression on one line, as code. */
    abstract CodeBlock flatCode();

    /**
     * The expression laid out starting at {@code column}, on a line indented by {@code indent}, followed by {@code
     * trailing} characters ({@code );}).
     */
    abstract CodeBlock layout(int column, int indent, int trailing);

    /** Whether the one-line form fits. */
    final boolean fits(int column, int trailing) {
        return column + flat().length() + trailing <= WIDTH;
    }

    /** A literal or any other code that is never broken: {@code "9.99"}, {@code Interval.MONTH}. */
    static Expr atom(CodeBlock code, String flat) {
        return new Atom(code, flat);
    }

    /** A number or other text written as is. */
    static Expr text(String text) {
        return new Atom(CodeBlock.of("$L", text), text);
    }

    /** A string literal, always on one line (JavaPoet's {@code $S} splits at line breaks). */
    static Expr string(String value) {
        String literal = literal(value);
        return new Atom(CodeBlock.of("$L", literal), literal);
    }

    /**
     * {@code value} as a Java string literal: quotes, backslashes and line breaks escaped, other control characters,
     * line and paragraph separators and lone surrogates as unicode escapes (javac turns those back into the character, which a string literal may hold),
     * everything else as is.
     */
    static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    // JavaPoet breaks lines at U+2028 and U+2029 too (and U+0085, a control character).
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || loneSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }

    private static boolean loneSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }

    /**
     * The text of a marker comment: {@link PulledFileMarker#VALUE_MARKER} and the message, safe inside a block comment. Backslashes are doubled
     * (javac reads {@code \\u000a} even in a comment), control characters written as {@code \\uXXXX}, {@code *}{@code /}
     * broken apart.
     */
    static String marker(String message) {
        StringBuilder out = new StringBuilder(PulledFileMarker.VALUE_MARKER);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)) {
                out.append(String.format("<U+%04X>", (int) c));
            } else if (c == '/' && i > 0 && message.charAt(i - 1) == '*') {
                out.append(" /");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** An enum constant or other static member of a type: {@code Interval.MONTH}. */
    static Expr member(ClassName type, String name) {
        return new Atom(CodeBlock.of("$T.$L", type, name), type.simpleName() + "." + name);
    }

    /** A call chain starting with a static (imported) call: {@code feature("x").name("X").singleUse()}. */
    static Chain call(String name, Expr... args) {
        return new Chain(List.of(new Call(name, List.of(args))));
    }

    private static final class Atom extends Expr {
        private final CodeBlock code;
        private final String flat;

        Atom(CodeBlock code, String flat) {
            this.code = code;
            this.flat = flat;
        }

        @Override
        String flat() {
            return flat;
        }

        @Override
        CodeBlock flatCode() {
            return code;
        }

        @Override
        CodeBlock layout(int column, int indent, int trailing) {
            return code;
        }
    }

    /**
     * A call, with the marker comments ({@link #marker}) written after it on its line, each in a block comment: block
     * comments, so that a marker may stand anywhere, also before the {@code ;} that ends a declaration.
     */
    private record Call(String name, List<Expr> args, List<String> markers) {
        Call(String name, List<Expr> args) {
            this(name, args, List.of());
        }

        Call marked(String marker) {
            List<String> more = new ArrayList<>(markers);
            more.add(marker);
            return new Call(name, args, List.copyOf(more));
        }

        CodeBlock markerCode() {
            CodeBlock.Builder code = CodeBlock.builder();
            for (String marker : markers) {
                code.add("$L", " /* " + marker + " */");
            }
            return code.build();
        }

        String flat() {
            StringBuilder text = new StringBuilder(name).append('(');
            for (int i = 0; i < args.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(args.get(i).flat());
            }
            return text.append(')').toString();
        }

        /** The call starting at {@code column}: arguments on its line if they fit, else broken. */
        CodeBlock layout(int column, int indent, int trailing) {
            CodeBlock.Builder code = CodeBlock.builder().add("$L(", name);
            int argsColumn = column + name.length() + 1;
            if (argsColumn + flatArgsLength() + 1 + trailing <= WIDTH || args.isEmpty()) {
                return flatCode();
            }
            if (args.size() == 1 && args.get(0) instanceof Chain) {
                // A single chained argument starts on the call's line and breaks itself: .item(pricedFeatureItem(X)
                return code.add(args.get(0).layout(argsColumn, indent, trailing + 1))
                        .add(")")
                        .build();
            }
            int argIndent = indent + 8;
            code.add(IN);
            for (int i = 0; i < args.size(); i++) {
                boolean last = i == args.size() - 1;
                code.add("\n").add(args.get(i).layout(argIndent, argIndent, last ? trailing + 1 : 1));
                code.add(last ? ")" : ",");
            }
            return code.add(OUT).build();
        }

        private int flatArgsLength() {
            int length = 0;
            for (int i = 0; i < args.size(); i++) {
                length += (i == 0 ? 0 : 2) + args.get(i).flat().length();
            }
            return length;
        }

        CodeBlock flatCode() {
            CodeBlock.Builder code = CodeBlock.builder().add("$L(", name);
            for (int i = 0; i < args.size(); i++) {
                code.add(i == 0 ? "" : ", ").add(args.get(i).flatCode());
            }
            return code.add(")").build();
        }
    }

    /** A static call followed by instance calls; immutable, {@link #then} returns a longer chain. */
    static final class Chain extends Expr {
        private final List<Call> calls;
        private final boolean alwaysBreak;

        private Chain(List<Call> calls) {
            this(calls, false);
        }

        private Chain(List<Call> calls, boolean alwaysBreak) {
            this.calls = List.copyOf(calls);
            this.alwaysBreak = alwaysBreak;
        }

        /** The chain followed by {@code .name(args)}. */
        Chain then(String name, Expr... args) {
            List<Call> more = new ArrayList<>(calls);
            more.add(new Call(name, List.of(args)));
            return new Chain(more, alwaysBreak);
        }

        private boolean marked() {
            return calls.stream().anyMatch(call -> !call.markers().isEmpty());
        }

        /** The index of the first call named {@code name}, or -1. */
        int indexOf(String name) {
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** How many calls the chain has: the index {@link #marked} takes for the call {@link #then} adds next. */
        int size() {
            return calls.size();
        }

        /**
         * The same chain with {@code marker} (see {@link Expr#marker}) written after call {@code index}: on that call's
         * line when the chain is broken, at the end of the line when it fits on one.
         */
        Chain marked(int index, String marker) {
            List<Call> copy = new ArrayList<>(calls);
            copy.set(index, copy.get(index).marked(marker));
            return new Chain(copy, alwaysBreak);
        }

        /** The same chain, one call per line even when it would fit on one (products, for one item per line). */
        Chain broken() {
            return new Chain(calls, true);
        }

        @Override
        String flat() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < calls.size(); i++) {
                text.append(i == 0 ? "" : ".").append(calls.get(i).flat());
            }
            return text.toString();
        }

        @Override
        CodeBlock flatCode() {
            CodeBlock.Builder code = CodeBlock.builder();
            for (int i = 0; i < calls.size(); i++) {
                code.add(i == 0 ? "" : ".").add(calls.get(i).flatCode());
            }
            return code.build();
        }

        @Override
        CodeBlock layout(int column, int indent, int trailing) {
            boolean fits = fits(column, trailing);
            if (calls.size() == 1) {
                return calls.get(0).layout(column, indent, trailing);
            }
            // A marked chain that is not a product stays on one line, so the line validate names carries the marker.
            if ((fits || marked()) && !alwaysBreak) {
                CodeBlock.Builder code = CodeBlock.builder().add(flatCode());
                calls.forEach(call -> code.add(call.markerCode()));
                return code.build();
            }
            int callIndent = indent + 8;
            CodeBlock.Builder code = CodeBlock.builder();
            code.add(calls.get(0).layout(column, indent, 0)).add(calls.get(0).markerCode());
            code.add(IN);
            for (int i = 1; i < calls.size(); i++) {
                boolean last = i == calls.size() - 1;
                Call call = calls.get(i);
                // A marked call (an item) on one line: validate names the line of the bad value's step.
                code.add("\n.")
                        .add(
                                call.markers().isEmpty()
                                        ? call.layout(callIndent + 1, callIndent, last ? trailing : 0)
                                        : call.flatCode());
                code.add(call.markerCode());
            }
            return code.add(OUT).build();
        }
    }
}
