package dev.lenet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lenet.data.WebProxy;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.junit.jupiter.api.Test;

class SettingsProxyTest {
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
        WebProxy chosen = SettingsProxy.active(List.of(
                proxy("plain", true, "http", "http-proxy"),
                proxy("secure", true, "https", "https-proxy"),
                proxy("later", true, "http", "later-proxy")));
        assertEquals(new WebProxy("https-proxy", 3128, "ci", "secret", "localhost|*.internal"), chosen);
    }

    @Test
    void withoutAnHttpsProxyTheActiveHttpOneServesAndInactiveOnesAreIgnored() {
        assertEquals(
                "http-proxy",
                SettingsProxy.active(List.of(
                                proxy("off", false, "https", "inactive-proxy"),
                                proxy("plain", true, "http", "http-proxy")))
                        .host());
        assertNull(SettingsProxy.active(List.of(proxy("off", false, "https", "inactive-proxy"))));
        assertNull(SettingsProxy.active(List.of()));
    }
}
