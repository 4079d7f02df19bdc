package dev.lenet.evaluation;

import dev.lenet.InvalidParameterException;
import java.util.Locale;
import java.util.Optional;

/** Fails a model whose test accuracy is below a minimum. One rule, one exact message. */
public record AccuracyGate(double minAccuracy) {

    public AccuracyGate {
        if (!(minAccuracy >= 0 && minAccuracy <= 1)) {
            throw new InvalidParameterException(
                    "minAccuracy", minAccuracy, "an accuracy is a fraction between 0 and 1, e.g. 0.985 for 98.5%");
        }
    }

    /** The failure message when {@code accuracy} is below the minimum, else empty. */
    public Optional<String> failure(double accuracy) {
        if (accuracy >= minAccuracy) {
            return Optional.empty();
        }
        String[] shown = format(accuracy, minAccuracy);
        return Optional.of("LeNet test accuracy " + shown[0] + " is below the minimum " + shown[1]);
    }

    public String passed(double accuracy) {
        String[] shown = format(accuracy, minAccuracy);
        return "LeNet test accuracy " + shown[0] + " meets the minimum " + shown[1];
    }

    /** Four decimals, or more when four would show two different numbers as equal. */
    private static String[] format(double accuracy, double minimum) {
        for (int decimals = 4; decimals < 10; decimals++) {
            String a = String.format(Locale.ROOT, "%." + decimals + "f", accuracy);
            String m = String.format(Locale.ROOT, "%." + decimals + "f", minimum);
            if (!a.equals(m) || accuracy == minimum) {
                return new String[] {a, m};
            }
        }
        return new String[] {Double.toString(accuracy), Double.toString(minimum)};
    }
}
