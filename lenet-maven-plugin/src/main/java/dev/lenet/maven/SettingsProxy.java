package dev.lenet.maven;

import dev.lenet.LeNetException;
import dev.lenet.data.WebProxy;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The proxy of Maven's {@code settings.xml} that dataset downloads go through, its password decrypted as Maven does. */
final class SettingsProxy {
    private SettingsProxy() {}

    /**
     * The (last) active proxy for https, else the first active one; null when none is active. A password written
     * encrypted ({@code {...}}, {@code mvn --encrypt-password}) is decrypted with the user's settings-security.xml.
     */
    static WebProxy active(List<Proxy> proxies, SettingsDecrypter decrypter) {
        Proxy active = null;
        for (Proxy proxy : proxies) {
            if (proxy.isActive() && (active == null || "https".equalsIgnoreCase(proxy.getProtocol()))) {
                active = proxy;
            }
        }
        if (active == null) {
            return null;
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(active));
        List<SettingsProblem> errors = decrypted.getProblems().stream()
                .filter(problem -> problem.getSeverity() != SettingsProblem.Severity.WARNING)
                .toList();
        if (!errors.isEmpty()) {
            throw new LeNetException("the password of the proxy '" + active.getId() + "' in settings.xml cannot be"
                    + " decrypted ("
                    + errors.stream().map(SettingsProblem::getMessage).collect(Collectors.joining("; "))
                    + "). Check the master password in ~/.m2/settings-security.xml (mvn --encrypt-master-password),"
                    + " or write the proxy's password unencrypted");
        }
        Proxy proxy = decrypted.getProxy();
        return new WebProxy(
                proxy.getHost(), proxy.getPort(), proxy.getUsername(), proxy.getPassword(), proxy.getNonProxyHosts());
    }
}
