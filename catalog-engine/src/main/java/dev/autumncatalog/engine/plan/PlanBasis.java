package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a plan was made from, as fingerprints: the catalog, Autumn's catalog, and the customers facts behind its
 * versioning and removal decisions. A saved plan carries them ({@code plan.json}'s {@code basis}), so applying it later
 * can refuse when any of the three moved, and say which.
 *
 * <pre>{@code
 * PlanBasis basis = PlanBasis.of(catalog, remote, facts);
 * basis.catalog();   // "3f1c…" (SHA-256 of the catalog's value, 16 hex digits)
 * }</pre>
 *
 * @param catalog fingerprint of the desired catalog
 * @param autumn fingerprint of the catalog Autumn holds
 * @param customers fingerprint of the live answers about customers and feature usage
 */
public record PlanBasis(String catalog, String autumn, String customers) {
    /** All are required. */
    public PlanBasis {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(autumn, "autumn");
        Objects.requireNonNull(customers, "customers");
    }

    /**
     * The fingerprints of a plan's inputs: both catalogs as {@link CanonicalText}, the facts as their sorted maps (their
     * own order is not stable between runs).
     */
    public static PlanBasis of(Catalog desired, RemoteCatalog remote, LiveFacts facts) {
        return of(fingerprint(desired), fingerprint(remote), facts);
    }

    /**
     * The same, from fingerprints already taken: the planner takes them on another thread while it waits for Autumn.
     *
     * @param catalog {@link #fingerprint(Catalog)} of the desired catalog
     * @param autumn {@link #fingerprint(RemoteCatalog)} of Autumn's
     */
    public static PlanBasis of(String catalog, String autumn, LiveFacts facts) {
        String factsText = new TreeMap<>(facts.planCustomers()) + "|" + new TreeMap<>(facts.planHasCustomers()) + "|"
                + sorted(facts.featureUsage());
        return new PlanBasis(catalog, autumn, digest(factsText));
    }

    /** The fingerprint of a desired catalog, as {@link #catalog()} holds it. */
    public static String fingerprint(Catalog desired) {
        return digest(CanonicalText.of(desired));
    }

    /** The fingerprint of the catalog Autumn holds, as {@link #autumn()} holds it. */
    public static String fingerprint(RemoteCatalog remote) {
        return digest(CanonicalText.of(remote));
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return new TreeMap<>(map);
    }

    private static String digest(String text) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try {
            // Strict: getBytes would write '?' for a lone surrogate (an answer can carry one as an escape), so
            // "\uD800" and "?" would share a fingerprint.
            sha.update(StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text)));
        } catch (CharacterCodingException e) {
            // Then its UTF-16 units, exact; 0xFF is never a byte of UTF-8, so this form cannot meet the other.
            sha.update((byte) 0xFF);
            ByteBuffer units = ByteBuffer.allocate(text.length() * 2);
            units.asCharBuffer().put(text);
            sha.update(units);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }
}
