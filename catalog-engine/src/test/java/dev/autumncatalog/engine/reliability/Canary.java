package dev.autumncatalog.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.push.PushListener;
import dev.autumncatalog.engine.push.PushResult;
import dev.autumncatalog.engine.report.PlanJson;
import dev.autumncatalog.engine.report.PlanRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A distinctive secret key, and every text the engine produced while using it: exceptions (message, toString, stack
 * trace, causes), client and push events, plans as text and JSON, push results. {@link #assertNoLeak()} looks for the
 * key, any 12-character fragment of its secret part, and anything key-shaped. Thread-safe.
 */
final class Canary {
    static final String SECRET = "CanaryQx7Lw2Zr9Tb4Mn6Kc1Vh8Pj3Fd5Sg0Ye";
    static final String KEY = "am_sk_test_" + SECRET;
    /** A key-shaped text that shows more than its environment prefix. */
    private static final Pattern KEY_SHAPED = Pattern.compile("am_sk_(test|live)_[A-Za-z0-9*]");

    private final List<String> texts = Collections.synchronizedList(new ArrayList<>());

    /** Hears every client event as text. */
    ClientListener clientListener() {
        return new ClientListener() {
            @Override
            public void requestSent(RequestEvent event) {
                texts.add(event.toString());
            }

            @Override
            public void responseReceived(ResponseEvent event) {
                texts.add(event.toString());
            }

            @Override
            public void retrying(RetryEvent event) {
                texts.add(event.toString());
            }

            @Override
            public void throttled(Duration wait) {
                texts.add("throttled " + wait);
            }
        };
    }

    /** Hears every push event as the printing listener shows it, and the causes in full. */
    PushListener pushListener() {
        PushListener printing = PushListener.printing(texts::add);
        return new PushListener() {
            @Override
            public void started(Progress progress) {
                texts.add(progress.label());
            }

            @Override
            public void succeeded(Progress progress) {
                printing.succeeded(progress);
            }

            @Override
            public void failed(Progress progress, Throwable cause) {
                printing.failed(progress, cause);
                add(cause);
            }

            @Override
            public void skipped(Progress progress) {
                printing.skipped(progress);
            }
        };
    }

    void add(String text) {
        texts.add(text);
    }

    void add(Plan plan) {
        texts.add(PlanRenderer.render(plan));
        texts.add(PlanJson.render(plan));
        texts.add(plan.toString());
    }

    void add(PushResult result) {
        texts.add(result.toString());
        result.failures().forEach(failure -> texts.add(failure.toString()));
    }

    /** Message, toString and stack trace of {@code root}, its causes and suppressed exceptions. */
    void add(Throwable root) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            Throwable t = queue.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            texts.add(trace.toString());
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            queue.addAll(List.of(t.getSuppressed()));
        }
    }

    int size() {
        return texts.size();
    }

    /** No text holds the key, a 12-character fragment of its secret part, or a key-shaped string. */
    void assertNoLeak() {
        List<String> snapshot;
        synchronized (texts) {
            snapshot = List.copyOf(texts);
        }
        List<String> fragments = new ArrayList<>();
        for (int i = 0; i + 12 <= SECRET.length(); i++) {
            fragments.add(SECRET.substring(i, i + 12));
        }
        for (String text : snapshot) {
            assertThat(text).doesNotContain(KEY);
            for (String fragment : fragments) {
                assertThat(text).as("a text holding a fragment of the key").doesNotContain(fragment);
            }
            assertThat(KEY_SHAPED.matcher(text).find()).as(text).isFalse();
        }
    }
}
