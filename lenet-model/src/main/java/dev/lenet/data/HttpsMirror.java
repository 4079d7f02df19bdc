package dev.lenet.data;

import dev.lenet.Causes;
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
import java.util.zip.ZipException;

/** A web server holding {@code <standard name>.gz} for each of the four files, as MNIST's mirrors do. */
final class HttpsMirror implements DatasetSource {
    private final URI base;
    private final WebProxy proxy;

    /** @param proxy the proxy to go through, or null to connect directly */
    HttpsMirror(URI base, WebProxy proxy) {
        this.base = base;
        this.proxy = proxy;
    }

    @Override
    public void fetchInto(Path directory) throws IOException {
        // Built here, not with the source: every build parses the sources, few download anything.
        HttpClient client = WebProxy.client(proxy);
        for (DatasetFile file : DatasetFile.all()) {
            URI uri = base.resolve(file.standardName() + ".gz");
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMinutes(5))
                    .GET()
                    .build();
            Path compressed = directory.resolve(file.standardName() + ".gz");
            try {
                HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(compressed));
                if (response.statusCode() != 200) {
                    throw new IOException(uri + " answered HTTP " + response.statusCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + uri, e);
            } catch (IOException e) {
                throw new IOException("cannot download " + uri + " (" + Causes.describe(e) + ")", e);
            }
            try (InputStream in = Files.newInputStream(compressed)) {
                Gunzip.toFile(uri.toString(), in, directory.resolve(file.standardName()));
            } catch (ZipException | EOFException e) {
                throw new IOException("cannot read " + uri + " as gzip (" + Causes.describe(e) + ")", e);
            }
            Files.delete(compressed);
        }
    }

    @Override
    public String describe() {
        return base.toString();
    }
}
