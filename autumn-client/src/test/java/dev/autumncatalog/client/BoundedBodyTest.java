package dev.autumncatalog.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * The answer-size limit at its edge: an answer of exactly the limit is read whole, one byte more is refused and the
 * reading stops (the subscription is cancelled, so the JDK client drops the connection instead of reading on).
 */
class BoundedBodyTest {
    /** A subscription that records what the body asked of it. */
    static final class Recording implements Flow.Subscription {
        long requested;
        int cancels;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancels++;
        }
    }

    private static byte[] body(BoundedBody body) throws Exception {
        return ((CompletableFuture<byte[]>) body.getBody()).get();
    }

    @Test
    void exactlyTheLimit_inTwoChunks_isReadWhole() throws Exception {
        BoundedBody body = new BoundedBody(200, 10, -1);
        Recording subscription = new Recording();
        body.onSubscribe(subscription);

        body.onNext(List.of(ByteBuffer.wrap("01234".getBytes()), ByteBuffer.wrap("56789".getBytes())));
        body.onComplete();

        assertThat(new String(body(body))).isEqualTo("0123456789");
        assertThat(subscription.cancels).isZero();
        assertThat(subscription.requested).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void oneByteOverTheLimit_isRefused_andReadingStops() {
        BoundedBody body = new BoundedBody(200, 10, -1);
        Recording subscription = new Recording();
        body.onSubscribe(subscription);

        body.onNext(List.of(ByteBuffer.wrap("0123456789".getBytes()), ByteBuffer.wrap("X".getBytes())));

        assertThat(subscription.cancels).isEqualTo(1);
        assertThat(body.getBody().toCompletableFuture())
                .failsWithin(java.time.Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(BoundedBody.TooLarge.class)
                .withMessageContaining("the answer is longer than 10 bytes");
    }

    @Test
    void declaredLength_atTheLimit_isRead_andOverIt_isRefusedBeforeReading() {
        BoundedBody atLimit = new BoundedBody(200, 10, 10);
        Recording read = new Recording();
        atLimit.onSubscribe(read);
        assertThat(read.cancels).isZero();
        assertThat(read.requested).isEqualTo(Long.MAX_VALUE);

        BoundedBody over = new BoundedBody(200, 10, 11);
        Recording refused = new Recording();
        over.onSubscribe(refused);
        assertThat(refused.cancels).isEqualTo(1);
        assertThat(refused.requested).isZero();
        assertThat(over.getBody().toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void cancelled_beforeTheAnswer_cancelsTheSubscriptionWhenItComes() {
        BoundedBody body = new BoundedBody(200, 10, -1);
        body.cancel();
        Recording subscription = new Recording();

        body.onSubscribe(subscription);

        assertThat(subscription.cancels).isEqualTo(1);
        assertThat(subscription.requested).isZero();
    }

    @Test
    void cancelled_whileReading_cancelsTheSubscription() {
        BoundedBody body = new BoundedBody(200, 10, -1);
        Recording subscription = new Recording();
        body.onSubscribe(subscription);

        body.cancel();

        assertThat(subscription.cancels).isEqualTo(1);
        assertThat(body.getBody().toCompletableFuture()).isCancelled();
    }
}
