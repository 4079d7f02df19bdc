package dev.lenet.data;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The HTTP proxy downloads go through, as Maven's {@code settings.xml} declares it: host, port, optional credentials,
 * and the hosts reached directly ({@code nonProxyHosts}: {@code |}-separated, {@code *} as a wildcard).
 */
public record WebProxy(String host, int port, String username, String password, String nonProxyHosts) {

    /** An HTTP client for downloads: through this proxy, or directly for a null proxy. */
    static HttpClient client(WebProxy proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (proxy != null) {
            builder.proxy(proxy.selector());
            if (proxy.username() != null && !proxy.username().isEmpty()) {
                builder.authenticator(proxy.authenticator());
                allowBasicForTunnels();
            }
        }
        return builder.build();
    }

    /** The proxy as a log or an error may show it: never its password. */
    @Override
    public String toString() {
        return "WebProxy[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null ? "none" : "(hidden)") + ", nonProxyHosts=" + nonProxyHosts + "]";
    }

    static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    /**
     * Lets the JDK answer a proxy's Basic challenge when it opens an HTTPS tunnel, as Maven's own downloads do with the
     * same settings.xml credentials (the JDK refuses by default). The JDK reads this once per JVM: where something in
     * the build's JVM made an HTTP client first (Maven 4's resolver does), it stays as it was, and a refused download
     * says how to start Maven instead. A value the user set is kept.
     */
    private static void allowBasicForTunnels() {
        if (System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
            System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
            basicAllowedHere = true;
        }
    }

    /** Whether this build, not the user, allowed Basic for tunnels: the JDK may have read the setting before. */
    private static volatile boolean basicAllowedHere;

    /**
     * The schemes the JDK refuses for HTTPS tunnels, as far as this build can tell: Basic unless the user set otherwise
     * (the JDK's net.properties), and still Basic when this build allowed it but the JDK may have read it before.
     */
    static String tunnelingDisabledSchemes() {
        return basicAllowedHere ? "Basic" : System.getProperty(TUNNELING_DISABLED_SCHEMES, "Basic");
    }

    /** Whether {@code host} is reached without the proxy. */
    public boolean bypasses(String host) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return Arrays.stream(nonProxyHosts.split("\\|"))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .anyMatch(p -> Pattern.matches(
                        Pattern.quote(p.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q"), h));
    }

    private ProxySelector selector() {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return bypasses(uri.getHost()) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // the download reports the failure with its cause
            }
        };
    }

    private Authenticator authenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY
                        ? new PasswordAuthentication(username, password == null ? new char[0] : password.toCharArray())
                        : null;
            }
        };
    }
}
