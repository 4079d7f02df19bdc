package dev.lenet.training;

import dev.lenet.InvalidParameterException;
import java.util.Locale;

/**
 * The learning rate at each epoch (0-based) of {@code epochs}. It changes between epochs, not within one.
 * <ul>
 *   <li>constant: the base rate throughout;</li>
 *   <li>step: the base rate, halved after every third of the epochs (x1, x0.5, x0.25);</li>
 *   <li>cosine: base x (1 + cos(pi x epoch / epochs)) / 2, from the base rate down towards zero.</li>
 * </ul>
 */
public enum LearningRateSchedule {
    CONSTANT, STEP, COSINE;

    public double rate(double base, int epoch, int epochs) {
        return switch (this) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(0.5, Math.floor(3.0 * epoch / epochs));
            case COSINE -> base * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
        };
    }

    public static LearningRateSchedule parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("learningRateSchedule", text, "use constant, step or cosine");
        }
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
