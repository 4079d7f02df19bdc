package dev.lenet.inference;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The platforms TensorFlow Java 1.1.0 ships a native library for, named by the classifier of
 * {@code org.tensorflow:tensorflow-core-native}. lenet-tensorflow's pom picks the same one through profiles activated by
 * the OS and architecture; this class names the platform in errors and stops before TensorFlow would fail to load.
 */
public enum NativePlatform {
    LINUX_X86_64("linux", "x86_64"),
    LINUX_ARM64("linux", "arm64"),
    MACOSX_ARM64("macosx", "arm64"),
    WINDOWS_X86_64("windows", "x86_64");

    /** The only GPU build: Linux on x86_64 with CUDA 12 and cuDNN 9. */
    public static final String GPU_CLASSIFIER = "linux-x86_64-gpu";

    private final String os;
    private final String arch;

    NativePlatform(String os, String arch) {
        this.os = os;
        this.arch = arch;
    }

    /** The classifier of the CPU build for this platform, e.g. {@code linux-x86_64}. */
    public String classifier() {
        return os + "-" + arch;
    }

    /** The platform of this JVM; fails, naming it and the supported ones, when TensorFlow Java has no native for it. */
    public static NativePlatform current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** The platform for Java's {@code os.name} and {@code os.arch} values. */
    public static NativePlatform of(String osName, String osArch) {
        String os = os(osName);
        String arch = arch(osArch);
        return Arrays.stream(values())
                .filter(p -> p.os.equals(os) && p.arch.equals(arch))
                .findFirst()
                .orElseThrow(() ->
                        new UnsupportedPlatformException("TensorFlow Java 1.1.0 has no native library for " + osName
                                + " on " + osArch + ". Supported: " + supported() + ". Train on one of those (a Linux"
                                + " container works on any machine); to classify here, use lenet-onnx (ONNX Runtime)"));
    }

    /** The supported platforms, as classifiers. */
    public static String supported() {
        return Arrays.stream(values()).map(NativePlatform::classifier).collect(Collectors.joining(", ")) + " (and "
                + GPU_CLASSIFIER + ")";
    }

    private static String os(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return "linux";
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "macosx";
        }
        if (name.startsWith("windows")) {
            return "windows";
        }
        return name;
    }

    private static String arch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch;
        };
    }
}
