package dev.autumncatalog.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.engine.autumn.AutumnClientConfig;
import dev.autumncatalog.engine.autumn.AutumnHttpClient;
import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.push.PushOptions;
import dev.autumncatalog.sandbox.AutumnSandbox;
import dev.autumncatalog.sandbox.RecordedRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end push benchmark: {@link CatalogSync} through the real {@link AutumnHttpClient} to an {@link AutumnSandbox}
 * on 127.0.0.1 that answers every request after {@value #LATENCY_MS} ms, as a remote Autumn would. Not JMH: one push is
 * seconds to minutes long, and what matters is its wall time and request count.
 *
 * <p>Scenarios: issue 4 (30 features, 100 plans: first push, no-op push) and issue 7 (500 features, 2,000 products of
 * 10 items: first push, no-op push, push of 10 % changes, no-op push after it). A push here is what {@code mvn
 * autumn:push} does: plan (two list requests, then only the live questions the draft leaves open) and apply. Each
 * scenario runs with the client's default rate limit (20 requests/s) and the default push parallelism (4), then with
 * the limit lifted at parallelism 4 and 16, each on a fresh sandbox.
 *
 * <p>Each row: wall time, split into planning (and, in brackets, the time of its two list exchanges) and pushing;
 * requests, split the same way and by route; the floor (planning's requests one at a time, the push's {@code
 * parallelism} at once, both within the rate limit); process CPU and the CPU of the sandbox's threads; heap after GC.
 *
 * <p>Checks, failing the run (exit 1) after the figures are printed: every no-op push sends exactly 2 requests and
 * plans nothing; every push sends exactly 2 + lookups + one request per change; the client never retried.
 *
 * <p>Argument: the scale of the issue-7 catalog (1 = 500 features and 2,000 products; 0.1 = 50 and 200), so a quick
 * run is possible. Issue 4 always runs at its size. Results also go to {@code target/push-benchmark.md}.
 */
public final class PushBenchmark {
    static final int LATENCY_MS = 50;
    /** The sandbox answers with more threads than the highest parallelism, so it never queues a push. */
    static final int SANDBOX_THREADS = 16;
    /** "Lifted": far above anything 16 threads at 50 ms can reach (320 requests/s). */
    static final double LIFTED_RATE = 1_000_000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final List<String> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private PushBenchmark() {}

    public static void main(String[] args) throws IOException {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1;
        if (!(scale > 0) || scale > 1) {
            throw new IllegalArgumentException("scale must be in (0, 1], was " + args[0]);
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING); // sandbox start/stop lines
        int features = Math.max(12, (int) Math.round(500 * scale));
        int products = Math.max(1, (int) Math.round(2_000 * scale));

        PushBenchmark bench = new PushBenchmark();
        String header = machine("start");
        System.out.println(header);
        bench.header();
        List<Setting> settings = List.of(
                new Setting(AutumnClientConfig.DEFAULT_REQUESTS_PER_SECOND, PushOptions.DEFAULT_PARALLELISM),
                new Setting(LIFTED_RATE, PushOptions.DEFAULT_PARALLELISM),
                new Setting(LIFTED_RATE, 16));
        for (Setting setting : settings) {
            bench.issue4(setting);
        }
        for (Setting setting : settings) {
            bench.issue7(setting, features, products);
        }
        String footer = machine("end");
        StringBuilder report = new StringBuilder();
        report.append(header).append('\n');
        report.append("latency ")
                .append(LATENCY_MS)
                .append(" ms per request, sandbox threads ")
                .append(SANDBOX_THREADS)
                .append(", issue-7 scale ")
                .append(scale)
                .append(" (")
                .append(features)
                .append(" features, ")
                .append(products)
                .append(" products of ")
                .append(SyntheticCatalog.ITEMS_PER_PRODUCT)
                .append(" items)\n\n");
        bench.rows.forEach(row -> report.append(row).append('\n'));
        report.append('\n').append(footer).append('\n');
        System.out.println();
        System.out.println(report);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("push-benchmark.md"), report, StandardCharsets.UTF_8);
        }
        if (!bench.failures.isEmpty()) {
            System.err.println("PushBenchmark FAILED:");
            bench.failures.forEach(f -> System.err.println("  " + f));
            System.exit(1);
        }
    }

    /** Client rate limit and push parallelism. */
    private record Setting(double rate, int parallelism) {
        String label() {
            String limit = rate == LIFTED_RATE ? "lifted" : String.format(Locale.ROOT, "%.0f req/s", rate);
            return limit + ", parallelism " + parallelism;
        }
    }

    private void issue4(Setting setting) {
        Catalog catalog = SyntheticCatalog.requireValid(SyntheticCatalog.of(30, 100));
        try (Run run = new Run(setting)) {
            run.push("issue 4", "first push (30 features, 100 plans)", catalog, 2 + 130);
            run.push("issue 4", "no-op push", catalog, 2);
        }
    }

    private void issue7(Setting setting, int features, int products) {
        Catalog catalog = SyntheticCatalog.requireValid(SyntheticCatalog.of(features, products));
        Catalog changed = SyntheticCatalog.requireValid(SyntheticCatalog.changed(features, products));
        SyntheticCatalog.Changes changes = SyntheticCatalog.changes(features, products);
        try (Run run = new Run(setting)) {
            run.push(
                    "issue 7",
                    "first push (" + features + " features, " + products + " products)",
                    catalog,
                    2 + features + products);
            run.push("issue 7", "no-op push", catalog, 2);
            run.push(
                    "issue 7",
                    "push of 10 % changes (" + changes.featuresRenamed() + " features renamed, "
                            + changes.productsRenamed() + " products renamed, " + changes.productsRepriced()
                            + " repriced)",
                    changed,
                    2 + changes.productsRepriced() + changes.total());
            run.push("issue 7", "no-op push after it", changed, 2);
        }
    }

    private void header() {
        rows.add(
                "| scenario | step | rate limit, parallelism | wall time | plan (lists) | push | requests | plan + push "
                        + "| floor | by route | process CPU | sandbox CPU | heap after GC |");
        rows.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    }

    /** A fresh sandbox and client for one setting. */
    private final class Run implements AutoCloseable {
        final Setting setting;
        final AutumnSandbox sandbox;
        final AutumnHttpClient client;
        final CatalogSync sync;
        final PlanOptions options = PlanOptions.defaults("push-benchmark", false);
        final Recorder recorder = new Recorder();

        Run(Setting setting) {
            this.setting = setting;
            this.sandbox = AutumnSandbox.builder()
                    .latency(Duration.ofMillis(LATENCY_MS))
                    .threads(SANDBOX_THREADS)
                    .seed(7)
                    .start();
            this.client = new AutumnHttpClient(AutumnClientConfig.builder()
                    .baseUrl(sandbox.baseUrl())
                    .secretKey(sandbox.secretKey())
                    .requestsPerSecond(setting.rate())
                    .listener(recorder)
                    .build());
            this.sync = new CatalogSync(client);
        }

        /** Plans and pushes {@code catalog}; checks the request count. */
        void push(String scenario, String step, Catalog catalog, int expectedRequests) {
            PushOptions pushOptions = PushOptions.batch().withParallelism(setting.parallelism());
            sandbox.clearRequests();
            recorder.reset();
            long sandboxCpu = cpuOfThreads("autumn-sandbox-", "HTTP-Dispatcher");
            long processCpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            Plan plan = sync.plan(catalog, options);
            long planned = System.nanoTime();
            int planRequests = sandbox.requestCount();
            sync.push(plan, pushOptions);
            long end = System.nanoTime();
            processCpu = OS.getProcessCpuTime() - processCpu;
            sandboxCpu = cpuOfThreads("autumn-sandbox-", "HTTP-Dispatcher") - sandboxCpu;
            List<RecordedRequest> requests = sandbox.requests();
            int count = requests.size();
            System.gc();
            long heap = MEMORY.getHeapMemoryUsage().getUsed();
            double seconds = (end - start) / 1e9;
            String row = String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %.2f s | %.2f s (%.2f s) | %.2f s | %d | %d + %d | %.2f s | %s | %.2f s | %.2f s | %d MB |",
                    scenario,
                    step,
                    setting.label(),
                    seconds,
                    (planned - start) / 1e9,
                    recorder.listNanos.get() / 1e9,
                    (end - planned) / 1e9,
                    count,
                    planRequests,
                    count - planRequests,
                    floor(planRequests, count - planRequests),
                    byRoute(requests),
                    processCpu / 1e9,
                    sandboxCpu / 1e9,
                    heap >> 20);
            rows.add(row);
            System.out.println(row);
            if (count != expectedRequests) {
                failures.add(scenario + ", " + step + ", " + setting.label() + ": " + count + " requests, expected "
                        + expectedRequests + " (" + byRoute(requests) + ")");
            }
            if (recorder.retries.get() > 0) {
                failures.add(
                        scenario + ", " + step + ", " + setting.label() + ": " + recorder.retries.get() + " retries");
            }
            if (expectedRequests == 2 && !plan.isEmpty()) {
                failures.add(scenario + ", " + step + ", " + setting.label() + ": the plan is not empty: "
                        + plan.changes().size() + " changes, first "
                        + plan.changes().get(0).headline());
            }
        }

        /**
         * The least time the requests can take as the engine sends them: planning asks one request at a time (the two
         * lists, then each lookup), a push keeps {@code parallelism} in flight; both within the rate limit.
         */
        double floor(int planRequests, int pushRequests) {
            double latency = LATENCY_MS / 1000.0;
            double interval = setting.rate() == LIFTED_RATE ? 0 : 1 / setting.rate();
            return planRequests * Math.max(latency, interval)
                    + pushRequests * Math.max(latency / setting.parallelism(), interval);
        }

        @Override
        public void close() {
            client.close();
            sandbox.close();
        }
    }

    /** The time the two list requests took, answers read; and retries, which no run should need. */
    private static final class Recorder implements ClientListener {
        final AtomicLong listNanos = new AtomicLong();
        final AtomicInteger retries = new AtomicInteger();

        void reset() {
            listNanos.set(0);
            retries.set(0);
        }

        @Override
        public void responseReceived(ResponseEvent event) {
            if (event.route().endsWith(".list")) {
                listNanos.addAndGet(event.elapsed().toNanos());
            }
        }

        @Override
        public void retrying(RetryEvent event) {
            retries.incrementAndGet();
        }
    }

    private static String byRoute(List<RecordedRequest> requests) {
        Map<String, Integer> counts = new TreeMap<>();
        for (RecordedRequest request : requests) {
            String path = request.path();
            String route = path.startsWith("/v1/") ? path.substring(4) : path;
            counts.merge(route, 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((route, n) -> text.append(text.length() == 0 ? "" : ", ")
                .append(route)
                .append(' ')
                .append(n));
        return text.toString();
    }

    /** CPU time of the live threads whose names start with one of {@code prefixes}. */
    private static long cpuOfThreads(String... prefixes) {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            for (String prefix : prefixes) {
                if (info.getThreadName().startsWith(prefix)) {
                    long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                    total += Math.max(0, cpu);
                    break;
                }
            }
        }
        return total;
    }

    private static String machine(String when) {
        return String.format(
                Locale.ROOT,
                "machine (%s): %d processors, %d MB memory, max heap %d MB, %s %s (%s), load average %.2f",
                when,
                Runtime.getRuntime().availableProcessors(),
                OS.getTotalMemorySize() >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                OS.getSystemLoadAverage());
    }
}
