package dev.lenet;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This project's and TensorFlow Java's versions, as the build recorded them. */
public final class Versions {
    private static final Properties VERSIONS = load();

    private Versions() {}

    public static String lenet() {
        return VERSIONS.getProperty("lenet.version", "unknown");
    }

    public static String tensorflow() {
        return VERSIONS.getProperty("tensorflow.version", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/dev/lenet/versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // versions then read "unknown"
        }
        return properties;
    }
}
