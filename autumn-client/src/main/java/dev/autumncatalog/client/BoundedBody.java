package dev.autumncatalog.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit. Past the limit, or when the client gives up on the exchange, it
 * cancels the subscription, which makes the JDK client stop reading and drop the connection: a huge or trickling
 * answer costs neither memory nor a thread.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body passed the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        final int status;

        TooLarge(int status, long limit) {
            super("the answer is longer than " + limit + " bytes");
            this.status = status;
        }
    }

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int status;
    private final long limit;
    private final long declaredLength;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    BoundedBody(int status, long limit, long declaredLength) {
        this.status = status;
        this.limit = limit;
        this.declaredLength = declaredLength;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (cancelled) {
            subscription.cancel();
            return;
        }
        if (declaredLength > limit) {
            subscription.cancel();
            result.completeExceptionally(new TooLarge(status, limit));
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (bytes.size() + (long) item.remaining() > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(status, limit));
                return;
            }
            if (item.hasArray()) {
                bytes.write(item.array(), item.arrayOffset() + item.position(), item.remaining());
                item.position(item.limit());
            } else {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops reading: the exchange is abandoned (deadline passed, thread interrupted). */
    void cancel() {
        cancelled = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        result.cancel(false);
    }
}
