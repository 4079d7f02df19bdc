package dev.lenet.training;

import dev.lenet.InvalidParameterException;
import java.util.Locale;

/** Where to train: {@code auto} takes a GPU when TensorFlow sees one, else the CPU. */
public enum Device {
    AUTO,
    CPU,
    GPU;

    public static Device parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("device", text, "use auto, cpu or gpu");
        }
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
