package dev.lenet.maven;

import dev.lenet.data.WebProxy;
import java.util.List;
import org.apache.maven.settings.Proxy;

/** The proxy of Maven's {@code settings.xml} that dataset downloads go through. */
final class SettingsProxy {
    private SettingsProxy() {}

    /** The (last) active proxy for https, else the first active one; null when none is active. */
    static WebProxy active(List<Proxy> proxies) {
        Proxy active = null;
        for (Proxy proxy : proxies) {
            if (proxy.isActive() && (active == null || "https".equalsIgnoreCase(proxy.getProtocol()))) {
                active = proxy;
            }
        }
        if (active == null) {
            return null;
        }
        return new WebProxy(
                active.getHost(),
                active.getPort(),
                active.getUsername(),
                active.getPassword(),
                active.getNonProxyHosts());
    }
}
