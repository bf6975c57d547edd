package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sandbox's state file: {@code {"format":2, …}} with every feature, plan version, customer (subscriptions,
 * balances, entities) and lock, rewritten atomically (temporary file, then a move) after every request that changed
 * something. Format 1 (catalog only, customers as names on plan versions) is read too: its customers become sandbox
 * customers on the same plan versions, and the next write stores format 2.
 *
 * <p>Several sandboxes may share one file (parallel builds, two processes): every request is a {@link Transaction}
 * under an exclusive lock on the sibling {@code <name>.lock} file ({@link FileChannel#lock()}, which other processes
 * honour, plus an in-JVM lock per path, since one JVM cannot hold two channel locks on a file). The lock file carries
 * a generation number that each write increases, so a sandbox re-reads the state only when another one changed it:
 * read-modify-write with no lost update and no torn file.
 */
final class StateFile implements AutoCloseable {
    static final int FORMAT = 2;

    private static final ObjectMapper MAPPER = Json.STATE;
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path path;
    private final Path lockPath;
    private final FileChannel lockChannel;

    StateFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
        this.lockPath = this.path.resolveSibling(this.path.getFileName() + ".lock");
        try {
            Files.createDirectories(this.path.getParent());
            this.lockChannel = FileChannel.open(
                    lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new SandboxStateException(
                    "Cannot open the sandbox state lock file " + lockPath + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    Path lockPath() {
        return lockPath;
    }

    /** Exclusive access to the state file for one read-modify-write; blocks while another sandbox holds it. */
    Transaction begin() {
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
        jvm.lock();
        try {
            return new Transaction(jvm, lockChannel.lock());
        } catch (IOException | RuntimeException e) {
            jvm.unlock();
            throw new SandboxStateException("Cannot lock the sandbox state file " + lockPath + ": " + e, e);
        }
    }

    /** One locked read-modify-write of the state file. */
    final class Transaction implements AutoCloseable {
        private final ReentrantLock jvm;
        private final FileLock lock;

        private Transaction(ReentrantLock jvm, FileLock lock) {
            this.jvm = jvm;
            this.lock = lock;
        }

        /** How many writes the file has seen; 0 before the first. */
        long generation() {
            try {
                ByteBuffer buffer = ByteBuffer.allocate(32);
                int read = lockChannel.read(buffer, 0);
                String text = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim();
                return text.isEmpty() ? 0 : Long.parseLong(text);
            } catch (IOException | NumberFormatException e) {
                throw new SandboxStateException(
                        "Cannot read the sandbox state lock file " + lockPath + ": " + e + ". Delete it (while no"
                                + " sandbox runs) to start again.",
                        e);
            }
        }

        Snapshot read() {
            return StateFile.this.read();
        }

        /** Writes the state and counts one more generation. */
        long write(String json) {
            StateFile.this.write(json);
            long next = generation() + 1;
            try {
                lockChannel.truncate(0);
                lockChannel.write(ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                lockChannel.force(false);
            } catch (IOException e) {
                throw new SandboxStateException(
                        "Cannot write the sandbox state lock file " + lockPath + ": " + e.getMessage(), e);
            }
            return next;
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException e) {
                throw new SandboxStateException("Cannot unlock " + lockPath + ": " + e.getMessage(), e);
            } finally {
                jvm.unlock();
            }
        }
    }

    @Override
    public void close() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            throw new SandboxStateException("Cannot close " + lockPath + ": " + e.getMessage(), e);
        }
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
        /** Customers a format 1 file named on plan versions; given to the customer state on restore. */
        @JsonIgnore
        List<LegacyCustomers> legacyCustomers = new ArrayList<>();

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
            for (LegacyCustomers legacy : legacyCustomers) {
                customers.addTestCustomers(legacy.planId(), legacy.version(), legacy.count(), null);
            }
        }
    }

    /** A plan version of a format 1 file and how many customers it had. */
    record LegacyCustomers(String planId, int version, int count) {}

    /** The stored snapshot, or {@code null} when there is no file yet. */
    private Snapshot read() {
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
        List<LegacyCustomers> legacy = new ArrayList<>();
        if (format.intValue() == 1) {
            // Format 1 (before balances) held the catalog in the same shapes, and customers as names on plan
            // versions: read it as format 2 with those customers, so nothing an earlier version stored is lost. The
            // next write stores format 2.
            ((ObjectNode) tree).put("format", FORMAT);
            for (JsonNode plan : tree.path("plans")) {
                JsonNode names = ((ObjectNode) plan).remove("customers");
                if (names != null && names.size() > 0) {
                    legacy.add(new LegacyCustomers(
                            plan.path("id").asText(), plan.path("version").asInt(), names.size()));
                }
            }
        } else if (format.intValue() != FORMAT) {
            throw new SandboxStateException("The sandbox state file " + path + " has format " + format.intValue()
                    + ", this sandbox reads formats 1 and " + FORMAT + ". Delete it to start empty.");
        }
        try {
            Snapshot snapshot = MAPPER.treeToValue(tree, Snapshot.class);
            snapshot.legacyCustomers = legacy;
            return snapshot;
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

    private void write(String json) {
        try {
            Path dir = path.getParent();
            Files.createDirectories(dir);
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
