package dev.lenet.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A download to a file that stops, as a failure, once the body passes a size no dataset file reaches. */
final class CappedDownload implements HttpResponse.BodySubscriber<Path> {
    private final HttpResponse.BodySubscriber<Path> file;
    private final URI uri;
    private final long maxBytes;
    private Flow.Subscription subscription;
    private long received;
    private boolean stopped;

    private CappedDownload(HttpResponse.BodySubscriber<Path> file, URI uri, long maxBytes) {
        this.file = file;
        this.uri = uri;
        this.maxBytes = maxBytes;
    }

    static HttpResponse.BodyHandler<Path> to(Path target, URI uri, long maxBytes) {
        return info -> new CappedDownload(HttpResponse.BodySubscribers.ofFile(target), uri, maxBytes);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        file.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (stopped) {
            return;
        }
        received += buffers.stream().mapToLong(ByteBuffer::remaining).sum();
        if (received > maxBytes) {
            stopped = true;
            subscription.cancel();
            file.onError(new IOException(
                    uri + " sends more than " + maxBytes + " bytes, more than any dataset file; not a dataset mirror"));
            return;
        }
        file.onNext(buffers);
    }

    @Override
    public void onError(Throwable error) {
        if (!stopped) {
            file.onError(error);
        }
    }

    @Override
    public void onComplete() {
        if (!stopped) {
            file.onComplete();
        }
    }

    @Override
    public CompletionStage<Path> getBody() {
        return file.getBody();
    }
}
