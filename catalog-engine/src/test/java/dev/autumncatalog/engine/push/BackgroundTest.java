package dev.autumncatalog.engine.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Background work: its own daemon thread, and failures that read as if the caller had done the work. */
class BackgroundTest {

    @Test
    void supply_runsOnANamedDaemonThread_andJoinGivesItsResult() {
        CompletableFuture<Thread> ranOn = Background.supply("autumn-test", Thread::currentThread);

        Thread thread = Background.join(ranOn);
        assertThat(thread).isNotSameAs(Thread.currentThread());
        assertThat(thread.getName()).isEqualTo("autumn-test");
        assertThat(thread.isDaemon()).isTrue();
    }

    @Test
    void join_throwsWhatTheWorkThrew_notWrapped() {
        IllegalStateException thrown = new IllegalStateException("bad answer");
        AssertionError error = new AssertionError("broken");

        assertThatThrownBy(() -> Background.join(Background.supply("autumn-test", () -> {
                    throw thrown;
                })))
                .isSameAs(thrown);
        assertThatThrownBy(() -> Background.join(Background.supply("autumn-test", () -> {
                    throw error;
                })))
                .isSameAs(error);
    }

    @Test
    void join_ofAFutureFailedWithACheckedException_throwsTheCompletionException() {
        CompletableFuture<String> failed = new CompletableFuture<>();
        Exception checked = new Exception("checked");
        failed.completeExceptionally(checked);

        assertThatThrownBy(() -> Background.join(failed))
                .isInstanceOf(CompletionException.class)
                .hasCause(checked);
    }

    @Test
    void start_runsOnANamedDaemonThread() throws InterruptedException {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);

        Background.start("autumn-test-run", () -> {
            ranOn.set(Thread.currentThread());
            done.countDown();
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.get().getName()).isEqualTo("autumn-test-run");
        assertThat(ranOn.get().isDaemon()).isTrue();
    }
}
