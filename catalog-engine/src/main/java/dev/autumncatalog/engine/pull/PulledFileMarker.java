package dev.autumncatalog.engine.pull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of every pulled file: who wrote it and a hash of the rest, so a later pull can tell a file it wrote
 * and nobody touched from one a person edited or wrote.
 *
 * <pre>{@code
 * // autumn:pull sha256=6f1e…
 * // Pulled from Autumn. Edit it as your own catalog; a pull refuses to replace it once edited.
 * package com.example.pricing;
 * }</pre>
 *
 * The hash covers everything after the marker line, with line endings read as {@code \n} so a checkout that turns them
 * into {@code \r\n} is not an edit.
 */
public final class PulledFileMarker {
    /**
     * How the marker line starts. A file format, not a command: files pulled by any front end carry it, so its words
     * stay the same whatever the build tool.
     */
    public static final String LINE_START = "// autumn:pull";

    /**
     * The start of the comment that marks a value Autumn holds but a rule of the DSL refuses, on the line that writes
     * it (docs/PULL.md): a file format, like {@link #LINE_START}.
     */
    public static final String VALUE_MARKER = "autumn:pull: ";

    private static final String PREFIX = LINE_START + " sha256=";
    private static final Pattern MARKER = Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{64})");

    /** What an existing file is to a pull. */
    public enum State {
        /** Written by a pull and unchanged since: safe to replace. */
        PULLED,
        /** Written by a pull, then edited: replacing it loses the edits. */
        EDITED,
        /** Not written by a pull (no marker line): replacing it loses code the pull never wrote. */
        NOT_PULLED
    }

    private PulledFileMarker() {}

    /** {@code body} with the marker line in front. */
    public static String mark(String body) {
        return PREFIX + sha256(normalise(body)) + "\n" + body;
    }

    /** Whether {@code content} is an unchanged pulled file, an edited one, or not a pulled file. */
    public static State state(String content) {
        String text = normalise(content);
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        Matcher marker = MARKER.matcher(first);
        if (!marker.matches()) {
            return State.NOT_PULLED;
        }
        String body = end < 0 ? "" : text.substring(end + 1);
        return marker.group(1).equals(sha256(body)) ? State.PULLED : State.EDITED;
    }

    private static String normalise(String text) {
        String lf = text.replace("\r\n", "\n");
        return lf.startsWith("\uFEFF") ? lf.substring(1) : lf;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
