package dev.lenet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lenet.LeNetException;
import dev.lenet.data.DatasetCache;
import dev.lenet.data.DatasetUnavailableException;
import dev.lenet.data.WebProxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

class SettingsProxyTest {
    @TempDir
    Path temp;

    /** Maven's own decrypter, with no settings-security.xml: plain passwords pass as they are. */
    private static final SettingsDecrypter PLAIN = decrypter(Path.of("no-settings-security.xml"));

    private static SettingsDecrypter decrypter(Path settingsSecurity) {
        return new DefaultSettingsDecrypter(
                new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), settingsSecurity.toString()));
    }

    private static Proxy proxy(String id, boolean active, String protocol, String host) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setActive(active);
        proxy.setProtocol(protocol);
        proxy.setHost(host);
        proxy.setPort(3128);
        proxy.setUsername("ci");
        proxy.setPassword("secret");
        proxy.setNonProxyHosts("localhost|*.internal");
        return proxy;
    }

    @Test
    void theActiveHttpsProxyWinsOverAnActiveHttpOneAndKeepsItsCredentialsAndExceptions() {
        WebProxy chosen = SettingsProxy.active(
                List.of(
                        proxy("plain", true, "http", "http-proxy"),
                        proxy("secure", true, "https", "https-proxy"),
                        proxy("later", true, "http", "later-proxy")),
                PLAIN);
        assertEquals(new WebProxy("https-proxy", 3128, "ci", "secret", "localhost|*.internal"), chosen);
    }

    @Test
    void withoutAnHttpsProxyTheActiveHttpOneServesAndInactiveOnesAreIgnored() {
        assertEquals(
                "http-proxy",
                SettingsProxy.active(
                                List.of(
                                        proxy("off", false, "https", "inactive-proxy"),
                                        proxy("plain", true, "http", "http-proxy")),
                                PLAIN)
                        .host());
        assertNull(SettingsProxy.active(List.of(proxy("off", false, "https", "inactive-proxy")), PLAIN));
        assertNull(SettingsProxy.active(List.of(), PLAIN));
    }

    /** A settings-security.xml with a master password, and {@code password} encrypted with it as Maven encrypts it. */
    private String encrypted(String password) throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        String master = "the master password";
        Files.writeString(
                temp.resolve("settings-security.xml"),
                "<settingsSecurity><master>" + cipher.encryptAndDecorate(master, "settings.security")
                        + "</master></settingsSecurity>");
        return cipher.encryptAndDecorate(password, master);
    }

    @Test
    void anEncryptedPasswordGetsThroughALoopbackProxyThatAsksForIt() throws Exception {
        Proxy settings = proxy("secure", true, "https", "127.0.0.1");
        settings.setPassword(encrypted("s3cret"));
        settings.setNonProxyHosts(null);
        String expected = "Basic " + Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        HttpServer proxyServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxyServer.createContext("/", exchange -> {
            String credentials = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
            seen.add(credentials == null ? "none" : credentials.equals(expected) ? "right" : "wrong");
            if (!expected.equals(credentials)) {
                exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"test\"");
                exchange.sendResponseHeaders(407, -1);
            } else {
                exchange.sendResponseHeaders(200, 5);
                exchange.getResponseBody().write("hello".getBytes(StandardCharsets.UTF_8));
            }
            exchange.close();
        });
        proxyServer.start();
        try {
            settings.setPort(proxyServer.getAddress().getPort());
            WebProxy proxy = SettingsProxy.active(List.of(settings), decrypter(temp.resolve("settings-security.xml")));
            assertEquals("s3cret", proxy.password());
            DatasetUnavailableException e = assertThrows(
                    DatasetUnavailableException.class,
                    () -> new DatasetCache(
                                    temp.resolve("cache"), List.of("http://127.0.0.1:9/mnist/"), proxy, line -> {})
                            .mnist());
            // through the proxy, with the decrypted password, to MNIST's check, which the proxy's 5 bytes fail
            assertTrue(e.attempts().get(0).contains("train-images-idx3-ubyte has SHA-256 "), e.getMessage());
            assertEquals("right", seen.get(seen.size() - 1), seen.toString());
        } finally {
            proxyServer.stop(0);
        }
    }

    @Test
    void aPasswordThatCannotBeDecryptedIsNamedWithWhatToCheck() throws Exception {
        Proxy settings = proxy("secure", true, "https", "127.0.0.1");
        settings.setPassword(encrypted("s3cret"));
        LeNetException e = assertThrows(LeNetException.class, () -> SettingsProxy.active(List.of(settings), PLAIN));
        assertTrue(
                e.getMessage().startsWith("the password of the proxy 'secure' in settings.xml cannot be decrypted ("),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("). Check the master password in ~/.m2/settings-security.xml"
                                + " (mvn --encrypt-master-password), or write the proxy's password unencrypted"),
                e.getMessage());
    }
}
