package gsvtrainer.client;

import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/** Wraps a body publisher and reports the bytes handed to the connection to a {@link TransferListener}. */
final class CountingBodyPublisher implements BodyPublisher {

    private final BodyPublisher delegate;
    private final TransferListener listener;

    CountingBodyPublisher(BodyPublisher delegate, TransferListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public long contentLength() {
        return delegate.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        AtomicLong sent = new AtomicLong();
        long total = delegate.contentLength();
        delegate.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                long done = sent.addAndGet(item.remaining());
                subscriber.onNext(item);
                listener.onProgress(done, total);
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }
}
