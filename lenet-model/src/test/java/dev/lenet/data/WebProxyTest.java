package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads through a proxy as Maven's settings.xml declares it, against a mirror and a proxy on the loopback address. */
class WebProxyTest {
    @TempDir
    Path cache;

    private HttpServer mirror;
    private HttpServer proxy;
    private final AtomicInteger proxied = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<DatasetFile, byte[]> files = new EnumMap<>(DatasetFile.class);
    private final Map<DatasetFile, String> hashes = new EnumMap<>(DatasetFile.class);

    @BeforeEach
    void serve() throws IOException {
        files.putAll(DatasetFixtures.byRole());
        files.forEach((file, content) -> hashes.put(file, Sha256.of(content)));
        mirror = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        mirror.createContext("/mnist/", exchange -> {
            byte[] body = IdxWriter.gzip(files.get(
                    DatasetFile.forName(exchange.getRequestURI().getPath().replace("/mnist/", ""))));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        mirror.start();
        // A forward proxy that wants Basic credentials: absolute-form requests, fetched from the mirror directly.
        String expected = "Basic " + Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8));
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"test\"");
                exchange.sendResponseHeaders(407, -1);
                exchange.close();
                return;
            }
            proxied.incrementAndGet();
            URI target = exchange.getRequestURI();
            try (InputStream in = target.toURL().openConnection(Proxy.NO_PROXY).getInputStream()) {
                byte[] body = in.readAllBytes();
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        proxy.start();
    }

    @AfterEach
    void stop() {
        mirror.stop(0);
        proxy.stop(0);
    }

    private Path fill(WebProxy webProxy) {
        String source = "http://127.0.0.1:" + mirror.getAddress().getPort() + "/mnist/";
        List<String> log = new ArrayList<>();
        return new DatasetCache(
                        cache.resolve("mnist"), List.of(DatasetSource.parse(source, webProxy)), hashes, log::add)
                .mnist();
    }

    @Test
    void downloadsGoThroughTheProxyWithItsCredentials() throws IOException {
        Path directory = fill(new WebProxy("127.0.0.1", proxy.getAddress().getPort(), "ci", "s3cret", null));
        assertArrayEquals(
                files.get(DatasetFile.TRAIN_IMAGES), Files.readAllBytes(directory.resolve("train-images-idx3-ubyte")));
        assertEquals(4, proxied.get(), "each of the four files through the proxy");
        assertTrue(refused.get() >= 1, "the proxy asked for credentials and got them");
    }

    @Test
    void nonProxyHostsAreReachedDirectly() {
        fill(new WebProxy("127.0.0.1", proxy.getAddress().getPort(), "ci", "s3cret", "localhost|127.0.0.*"));
        assertEquals(0, proxied.get() + refused.get(), "the proxy saw nothing");
    }

    @Test
    void nonProxyHostPatternsFollowMavensSyntax() {
        WebProxy p = new WebProxy("proxy", 8080, null, null, "*.internal.example|localhost");
        assertTrue(p.bypasses("repo.internal.example"));
        assertTrue(p.bypasses("LOCALHOST"));
        assertFalse(p.bypasses("example.org"));
        assertFalse(new WebProxy("proxy", 8080, null, null, null).bypasses("localhost"));
    }

    @Test
    void itsTextNeverShowsThePassword() {
        WebProxy proxy = new WebProxy("proxy.example", 3128, "ci", "s3cret", "localhost");
        assertEquals(
                "WebProxy[host=proxy.example, port=3128, username=ci, password=(hidden), nonProxyHosts=localhost]",
                proxy.toString());
    }

    @Test
    void anHttpsTunnelRefusedForWantOfBasicSaysHowToAllowIt() {
        WebProxy proxy = new WebProxy("proxy.example", 3128, "ci", "s3cret", null);
        java.net.URI https = java.net.URI.create("https://mirror.example/mnist/train-images-idx3-ubyte.gz");
        assertEquals(
                "; the proxy proxy.example:3128 asks for credentials, which the JDK sends to open an HTTPS tunnel only"
                        + " when Basic is allowed for it: run Maven with"
                        + " MAVEN_OPTS=\"-Djdk.http.auth.tunneling.disabledSchemes=\"",
                HttpsMirror.tunnelingHint(proxy, https, "IOException: Tunnel failed, got: 407", "Basic"));
        assertEquals("", HttpsMirror.tunnelingHint(proxy, https, "IOException: Tunnel failed, got: 407", ""));
        assertEquals("", HttpsMirror.tunnelingHint(proxy, https, "ConnectException", "Basic"));
        assertEquals(
                "",
                HttpsMirror.tunnelingHint(
                        new WebProxy("proxy.example", 3128, null, null, null), https, "HTTP 407", "Basic"));
    }
}
