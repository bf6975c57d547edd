/**
 * A local, stateful test double of Autumn's API 2.3.0 ({@link dev.autumncatalog.sandbox.AutumnSandbox}): an
 * in-process HTTP server on 127.0.0.1 that answers the catalog ({@code features.*}, {@code plans.*} and their REST
 * forms) and the run-time half ({@code customers.*}, {@code entities.*}, {@code balances.check}, {@code .track}, {@code
 * .finalize}, {@code .create}, {@code billing.attach} of free plans) the way the real server did in the recordings
 * under {@code shared/autumn-api/exchanges-2x}, on a clock the test controls ({@link
 * dev.autumncatalog.sandbox.SandboxClock}). It labels itself on every answer ({@code X-Autumn-Sandbox: local test
 * double, not Autumn}) and never pretends to be Autumn.
 *
 * <p>What it reproduces, with the recording or real-server exchange behind each behaviour, and what it does not:
 * {@code autumn-sandbox/README.md}. {@code RecordingConformanceTest} and {@code BalancesConformanceTest} replay the
 * recordings against it in the default build.
 */
package dev.autumncatalog.sandbox;
