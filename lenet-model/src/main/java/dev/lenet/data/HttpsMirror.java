package dev.lenet.data;

import dev.lenet.contract.Causes;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipException;

/** A web server holding {@code <standard name>.gz} for each of the four files, as MNIST's mirrors do. */
final class HttpsMirror implements DatasetSource {
    /** How long one file may take, headers and body: a mirror that stalls must not hold the build (and the lock). */
    static final Duration FILE_TIME_LIMIT = Duration.ofMinutes(5);

    private final URI base;
    private final WebProxy proxy;
    private final Duration timeLimit;
    private final long maxBytes;

    /** @param proxy the proxy to go through, or null to connect directly */
    HttpsMirror(URI base, WebProxy proxy) {
        this(base, proxy, FILE_TIME_LIMIT, DatasetSource.MAX_FILE_BYTES);
    }

    HttpsMirror(URI base, WebProxy proxy, Duration timeLimit, long maxBytes) {
        this.base = base;
        this.proxy = proxy;
        this.timeLimit = timeLimit;
        this.maxBytes = maxBytes;
    }

    @Override
    public void fetchInto(Path directory) throws IOException {
        // Built here, not with the source: every build parses the sources, few download anything.
        HttpClient client = WebProxy.client(proxy);
        for (DatasetFile file : DatasetFile.all()) {
            URI uri = base.resolve(file.standardName() + ".gz");
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(timeLimit).GET().build();
            Path compressed = directory.resolve(file.standardName() + ".gz");
            // The request's timeout ends when the headers arrive; this limit holds until the last byte.
            CompletableFuture<HttpResponse<Path>> download =
                    client.sendAsync(request, CappedDownload.to(compressed, uri, maxBytes));
            try {
                HttpResponse<Path> response = download.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
                if (response.statusCode() != 200) {
                    String answer = "HTTP " + response.statusCode();
                    throw new IOException(uri + " answered " + answer
                            + tunnelingHint(proxy, uri, answer, WebProxy.tunnelingDisabledSchemes()));
                }
            } catch (InterruptedException e) {
                download.cancel(true);
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + uri, e);
            } catch (TimeoutException e) {
                download.cancel(true);
                throw new IOException(
                        "cannot download " + uri + ": not complete within " + Durations.text(timeLimit)
                                + " (the limit for one file); " + uri.getHost() + " stalls or is too slow",
                        e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String why = Causes.describe(cause);
                throw new IOException(
                        "cannot download " + uri + " (" + why + ")"
                                + tunnelingHint(proxy, uri, why, WebProxy.tunnelingDisabledSchemes()),
                        cause);
            }
            try (InputStream in = Files.newInputStream(compressed)) {
                Gunzip.toFile(uri.toString(), in, directory.resolve(file.standardName()));
            } catch (ZipException | EOFException e) {
                throw new IOException("cannot read " + uri + " as gzip (" + Causes.describe(e) + ")", e);
            }
            Files.delete(compressed);
        }
    }

    /**
     * What to do when an HTTPS download through a proxy with credentials is refused (407): the JDK sends no Basic
     * credentials to open a tunnel unless the JVM is started allowing it, which a running build cannot change.
     */
    static String tunnelingHint(WebProxy proxy, URI uri, String failure, String disabledSchemes) {
        boolean basicOff = java.util.Arrays.stream(disabledSchemes.split(","))
                .anyMatch(scheme -> scheme.strip().equalsIgnoreCase("Basic"));
        if (proxy == null
                || proxy.username() == null
                || !"https".equalsIgnoreCase(uri.getScheme())
                || !failure.contains("407")
                || !basicOff) {
            return "";
        }
        return "; the proxy " + proxy.host() + ":" + proxy.port() + " asks for credentials, which the JDK sends to open"
                + " an HTTPS tunnel only when Basic is allowed for it: run Maven with"
                + " MAVEN_OPTS=\"-Djdk.http.auth.tunneling.disabledSchemes=\"";
    }

    @Override
    public String describe() {
        return base.toString();
    }
}
