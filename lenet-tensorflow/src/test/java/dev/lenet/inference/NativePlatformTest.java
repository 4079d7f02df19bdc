package dev.lenet.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class NativePlatformTest {

    /** os.name and os.arch as the JVMs of each platform report them. */
    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, linux-x86_64",
        "Linux, aarch64, linux-arm64",
        "Mac OS X, aarch64, macosx-arm64",
        "Windows 11, amd64, windows-x86_64",
        "Windows Server 2022, amd64, windows-x86_64"
    })
    void eachSupportedPlatformGetsItsNative(String osName, String osArch, String classifier) {
        assertEquals(classifier, NativePlatform.of(osName, osArch).classifier());
        assertEquals(classifier, mavenProfileClassifier(osName, osArch));
    }

    @ParameterizedTest
    @CsvSource({"Mac OS X, x86_64", "Linux, ppc64le", "FreeBSD, amd64", "Windows 11, aarch64"})
    void anUnsupportedPlatformIsNamedWithTheSupportedOnes(String osName, String osArch) {
        UnsupportedPlatformException e =
                assertThrows(UnsupportedPlatformException.class, () -> NativePlatform.of(osName, osArch));
        assertEquals(
                "TensorFlow Java 1.1.0 has no native library for " + osName + " on " + osArch + ". Supported:"
                        + " linux-x86_64, linux-arm64, macosx-arm64, windows-x86_64 (and linux-x86_64-gpu). Train"
                        + " on one of those (a Linux container works on any machine); to classify here, use"
                        + " lenet-onnx (ONNX Runtime)",
                e.getMessage());
        assertEquals(null, mavenProfileClassifier(osName, osArch), "no profile brings a native there either");
    }

    @Test
    void thisMachineIsSupported() {
        assertEquals("linux-x86_64", NativePlatform.current().classifier());
    }

    /**
     * The classifier that lenet-tensorflow's pom resolves on a machine with these properties: the profile whose
     * {@code <os>} activation matches, as Maven matches it (name: equal ignoring case; family mac: the name contains
     * "mac"; family windows: it contains "windows"; arch: equal).
     */
    private static String mavenProfileClassifier(String osName, String osArch) {
        List<String> active = new ArrayList<>();
        try {
            Document pom = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(Path.of("pom.xml").toFile());
            NodeList profiles = pom.getElementsByTagName("profile");
            for (int i = 0; i < profiles.getLength(); i++) {
                Element profile = (Element) profiles.item(i);
                NodeList os = profile.getElementsByTagName("os");
                if (os.getLength() == 1 && matches((Element) os.item(0), osName, osArch)) {
                    active.add(
                            profile.getElementsByTagName("classifier").item(0).getTextContent());
                }
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read lenet-model's pom.xml", e);
        }
        if (active.size() > 1) {
            throw new AssertionError("two natives for " + osName + " " + osArch + ": " + active);
        }
        return active.isEmpty() ? null : active.get(0);
    }

    private static boolean matches(Element os, String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String arch = text(os, "arch");
        String expectedName = text(os, "name");
        String family = text(os, "family");
        boolean nameMatches = expectedName == null || name.equals(expectedName);
        boolean familyMatches = family == null
                || (family.equals("mac") && name.contains("mac"))
                || (family.equals("windows") && name.contains("windows"));
        return nameMatches && familyMatches && (arch == null || osArch.equalsIgnoreCase(arch));
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
