package dev.lenet.evaluation;

import dev.lenet.InvalidParameterException;
import java.util.Locale;
import java.util.Optional;

/** Fails a model that is worse than a baseline model by more than an absolute accuracy drop. One rule, one message. */
public record BaselineGate(double maxAccuracyDrop) {

    public BaselineGate {
        if (!(maxAccuracyDrop >= 0 && maxAccuracyDrop <= 1)) {
            throw new InvalidParameterException(
                    "maxAccuracyDrop",
                    maxAccuracyDrop,
                    "an accuracy drop is a fraction between 0 and 1, e.g. 0.005 for half a percentage point");
        }
    }

    /** The failure message when {@code accuracy} is below {@code baselineAccuracy} by more than allowed, else empty. */
    public Optional<String> failure(double accuracy, double baselineAccuracy, String baseline) {
        double drop = baselineAccuracy - accuracy;
        if (drop <= maxAccuracyDrop + 1e-12) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "LeNet test accuracy %.4f is %.4f below the baseline %s (%.4f)," + " more than the allowed drop %.4f",
                accuracy,
                drop,
                baseline,
                baselineAccuracy,
                maxAccuracyDrop));
    }

    public String passed(double accuracy, double baselineAccuracy, String baseline) {
        return String.format(
                Locale.ROOT,
                "LeNet test accuracy %.4f against the baseline %s (%.4f): change %+.4f, allowed" + " drop %.4f",
                accuracy,
                baseline,
                baselineAccuracy,
                accuracy - baselineAccuracy,
                maxAccuracyDrop);
    }
}
