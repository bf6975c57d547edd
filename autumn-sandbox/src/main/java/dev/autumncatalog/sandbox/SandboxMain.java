package dev.autumncatalog.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local Autumn sandbox by hand until Ctrl-C:
 *
 * <pre>{@code
 * java -cp … dev.autumncatalog.sandbox.SandboxMain --port 8787 --state target/autumn/sandbox.json
 * }</pre>
 *
 * Options: {@code --port N} (default 8787, 0 for any), {@code --state FILE}, {@code --key KEY}, {@code --latency-ms N}.
 */
public final class SandboxMain {
    private SandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        AutumnSandbox.Builder builder = AutumnSandbox.builder().port(8787);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--port":
                    builder.port(Integer.parseInt(require(arg, value)));
                    i++;
                    break;
                case "--state":
                    builder.stateFile(Path.of(require(arg, value)));
                    i++;
                    break;
                case "--key":
                    builder.secretKeys(require(arg, value));
                    i++;
                    break;
                case "--latency-ms":
                    builder.latency(Duration.ofMillis(Long.parseLong(require(arg, value))));
                    i++;
                    break;
                default:
                    System.err.println(
                            "Unknown option " + arg + "; options: --port N, --state FILE, --key KEY, --latency-ms N");
                    System.exit(2);
            }
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
        System.out.println("  Ctrl-C stops it.");
        stopped.await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
