package dev.autumncatalog.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the local Autumn sandbox by hand until Ctrl-C:
 *
 * <pre>{@code
 * java -cp … dev.autumncatalog.sandbox.SandboxMain --port 8787 --state target/autumn/sandbox.json --rate-limit 25/1s
 * }</pre>
 *
 * Options: {@code --port N} (default 8787, 0 for any), {@code --state FILE}, {@code --key KEY}, {@code --latency-ms
 * N}, {@code --rate-limit N[/WINDOW]} (Autumn's general rate limit, off by default; WINDOW like {@code 1s}, {@code
 * 500ms}, {@code 1m}, default {@code 1s}). Its clock is {@code GET|POST /_sandbox/clock}.
 */
public final class SandboxMain {
    static final String USAGE =
            "options: --port N, --state FILE, --key KEY, --latency-ms N, --rate-limit N[/WINDOW] (WINDOW: 1s, 500ms, 1m)";
    private static final Pattern RATE = Pattern.compile("(\\d+)(?:/(\\d+)(ms|s|m))?");

    private SandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        AutumnSandbox.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        AutumnSandbox sandbox = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        System.out.println("Local Autumn sandbox (a test double, not Autumn) on " + sandbox.baseUrl());
        System.out.println("  secret key: " + sandbox.secretKey());
        if (sandbox.stateFile() != null) {
            System.out.println("  state file: " + sandbox.stateFile());
        }
        System.out.println("  clock: http://127.0.0.1:" + sandbox.port() + Router.CLOCK_PATH);
        System.out.println("  Ctrl-C stops it.");
        stopped.await();
    }

    /**
     * The builder the options describe.
     *
     * @throws IllegalArgumentException naming the bad option and listing the good ones
     */
    static AutumnSandbox.Builder parse(String... args) {
        AutumnSandbox.Builder builder = AutumnSandbox.builder().port(8787);
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            switch (option) {
                case "--port":
                    builder.port(number(option, value));
                    break;
                case "--state":
                    builder.stateFile(Path.of(value));
                    break;
                case "--key":
                    builder.secretKeys(value);
                    break;
                case "--latency-ms":
                    builder.latency(Duration.ofMillis(number(option, value)));
                    break;
                case "--rate-limit":
                    rateLimit(builder, value);
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + option + "; " + USAGE);
            }
        }
        return builder;
    }

    private static void rateLimit(AutumnSandbox.Builder builder, String value) {
        Matcher matcher = RATE.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "--rate-limit takes requests[/window], e.g. 25/1s or 100/500ms, not '" + value + "'");
        }
        long amount = matcher.group(2) == null ? 1 : Long.parseLong(matcher.group(2));
        Duration window = matcher.group(3) == null || "s".equals(matcher.group(3))
                ? Duration.ofSeconds(amount)
                : "ms".equals(matcher.group(3)) ? Duration.ofMillis(amount) : Duration.ofMinutes(amount);
        builder.rateLimit(number("--rate-limit", matcher.group(1)), window);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }
}
