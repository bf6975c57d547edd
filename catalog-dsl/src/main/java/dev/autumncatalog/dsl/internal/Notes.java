package dev.autumncatalog.dsl.internal;

import dev.autumncatalog.dsl.Autumn;
import dev.autumncatalog.dsl.SourceLocation;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the bad values of a model object were written, by field. Model records stay plain values (their components
 * are their equality), so these notes live beside them, keyed by identity, until {@link CatalogValidator} reports the
 * values with their lines. Only bad values are noted, so a valid catalog costs no stack walk and no entry here.
 *
 * <p>A step notes a field when the value it sets breaks a rule of {@link Checks}, and forgets the field's note when
 * the value it sets is fine; copies carry the notes of what they copy. Immutable: every change returns new notes.
 */
public final class Notes {
    /**
     * One bad value.
     *
     * @param where where it was written, or {@code null} when no caller outside the DSL was found
     * @param message what is wrong, for a value the model cannot hold (a decimal text that is not a number); {@code
     *     null} when {@link CatalogValidator} words the problem from the value itself
     */
    public record Note(SourceLocation where, String message) {}

    /** No notes. */
    public static final Notes NONE = new Notes(Map.of());

    private static final Table TABLE = new Table();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final String DSL_CODE = code(Autumn.class);

    private final Map<String, Note> byField;

    private Notes(Map<String, Note> byField) {
        this.byField = byField;
    }

    /** The notes of {@code owner}; {@link #NONE} for an object without bad values. */
    public static Notes of(Object owner) {
        Notes notes = TABLE.get(owner);
        return notes == null ? NONE : notes;
    }

    /** The note of {@code owner}'s {@code field}, or {@code null}. */
    public static Note of(Object owner, String field) {
        return of(owner).get(field);
    }

    /** The note of {@code field}, or {@code null}. */
    public Note get(String field) {
        return byField.get(field);
    }

    /**
     * These notes after {@code field} was set: noted at the caller's line when {@code problem} (a {@link Checks}
     * result) says the value is bad, forgotten when it is {@code null}.
     */
    public Notes check(String field, String problem) {
        if (problem == null) {
            return without(field);
        }
        return with(field, new Note(caller(), null));
    }

    /** These notes with {@code field} noted at the caller's line as a value the model cannot hold, worded here. */
    public Notes unreadable(String field, String message) {
        return with(field, new Note(caller(), message));
    }

    /** These notes without {@code field}'s. */
    public Notes without(String field) {
        if (!byField.containsKey(field)) {
            return this;
        }
        Map<String, Note> copy = new LinkedHashMap<>(byField);
        copy.remove(field);
        return copy.isEmpty() ? NONE : new Notes(Map.copyOf(copy));
    }

    /** Keeps these notes for {@code owner} and returns it. */
    public <T> T on(T owner) {
        if (!byField.isEmpty()) {
            TABLE.put(owner, this);
        }
        return owner;
    }

    private Notes with(String field, Note note) {
        Map<String, Note> copy = new LinkedHashMap<>(byField);
        copy.put(field, note);
        return new Notes(Map.copyOf(copy));
    }

    @Override
    public String toString() {
        return byField.toString();
    }

    /**
     * The first frame outside the DSL's own classes and the JDK's (a step passed as {@code map(Autumn::priceItem)} is
     * called by a stream): the line of the catalog that called it.
     */
    static SourceLocation caller() {
        return WALKER.walk(frames -> frames.filter(
                        frame -> !isDsl(frame.getDeclaringClass()) && !isJdk(frame.getDeclaringClass()))
                .findFirst()
                .map(frame -> new SourceLocation(frame.getClassName(), frame.getFileName(), frame.getLineNumber()))
                .orElse(null));
    }

    /**
     * The DSL's classes: its packages, loaded from where {@link Autumn} was (so the DSL's own tests, in the same
     * packages but another directory, count as callers).
     */
    private static boolean isDsl(Class<?> type) {
        String name = type.getPackageName();
        return (name.equals("dev.autumncatalog.dsl") || name.equals("dev.autumncatalog.dsl.internal"))
                && java.util.Objects.equals(code(type), DSL_CODE);
    }

    private static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    private static String code(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null
                ? null
                : source.getLocation().toExternalForm();
    }

    /**
     * Notes by owner identity, held weakly: an owner that is no longer reachable takes its notes with it. Equal records
     * are different owners, so two equal bad values keep their own lines.
     */
    private static final class Table {
        private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
        private final Map<Key, Notes> map = new HashMap<>();
        // Read without the lock: until the first bad value, a copy of a model record needs no lookup at all.
        private volatile boolean used;

        synchronized void put(Object owner, Notes notes) {
            expunge();
            used = true;
            map.put(new Key(owner, queue), notes);
        }

        Notes get(Object owner) {
            if (!used) {
                return null;
            }
            synchronized (this) {
                expunge();
                return map.get(new Key(owner, null));
            }
        }

        private void expunge() {
            for (Object stale = queue.poll(); stale != null; stale = queue.poll()) {
                map.remove(stale);
            }
        }
    }

    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object owner, ReferenceQueue<Object> queue) {
            super(owner, queue);
            hash = System.identityHashCode(owner);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Key)) {
                return false;
            }
            Object owner = get();
            return owner != null && owner == ((Key) other).get();
        }
    }
}
