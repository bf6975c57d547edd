package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's state file: {@code {"format":2, …}} with every feature, plan version, customer (subscriptions,
 * balances, entities) and lock, read on start and rewritten atomically (temporary file, then a move) after every
 * request that changed something. Format 1 (catalog only, customers as names on plan versions) is not read.
 */
final class StateFile {
    static final int FORMAT = 2;

    private static final ObjectMapper MAPPER = Json.STATE;

    private final Path path;

    StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** Everything the file holds. */
    static final class Snapshot {
        int format = FORMAT;
        String note = "State of the local Autumn sandbox (a test double, not Autumn). Delete this file to start empty.";
        long seq;
        List<Model.Feature> features = new ArrayList<>();
        List<Model.PlanVersion> plans = new ArrayList<>();
        List<Ledger.Customer> customers = new ArrayList<>();
        List<Ledger.Lock> locks = new ArrayList<>();

        static Snapshot of(CatalogState catalog, CustomerState customers) {
            Snapshot snapshot = new Snapshot();
            snapshot.seq = catalog.seq();
            snapshot.features = new ArrayList<>(catalog.features.values());
            snapshot.plans = catalog.allVersions();
            snapshot.customers = new ArrayList<>(customers.customers.values());
            snapshot.locks = new ArrayList<>(customers.locks.values());
            return snapshot;
        }

        void restore(CatalogState catalog, CustomerState customers) {
            catalog.restore(seq, features, plans);
            customers.restore(this.customers, locks);
        }
    }

    /** The stored snapshot, or {@code null} when there is no file yet. */
    Snapshot read() {
        if (!Files.exists(path)) {
            return null;
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SandboxStateException(
                    "Cannot read the sandbox state file " + path + ": " + e.getMessage()
                            + ". Delete it to start with an empty sandbox.",
                    e);
        }
        JsonNode format = tree == null ? null : tree.get("format");
        if (format == null || !format.isInt()) {
            throw new SandboxStateException("The sandbox state file " + path
                    + " has no \"format\" number; it was not written by this sandbox. Delete it to start empty.");
        }
        if (format.intValue() != FORMAT) {
            throw new SandboxStateException("The sandbox state file " + path + " has format " + format.intValue()
                    + ", this sandbox reads format " + FORMAT + ". Delete it to start empty.");
        }
        try {
            return MAPPER.treeToValue(tree, Snapshot.class);
        } catch (IOException e) {
            throw new SandboxStateException(
                    "Cannot read the sandbox state file " + path + " (format " + FORMAT + "): " + e.getMessage()
                            + ". Delete it to start with an empty sandbox.",
                    e);
        }
    }

    static String toJson(Snapshot snapshot) {
        try {
            return MAPPER.writeValueAsString(snapshot);
        } catch (IOException e) {
            throw new SandboxStateException("Cannot serialise the sandbox state: " + e.getMessage(), e);
        }
    }

    void write(String json) {
        try {
            Path dir = path.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SandboxStateException("Cannot write the sandbox state file " + path + ": " + e.getMessage(), e);
        }
    }
}
