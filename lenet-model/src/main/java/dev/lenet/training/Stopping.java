package dev.lenet.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lenet.InvalidParameterException;
import java.time.Duration;
import java.util.Locale;

/**
 * When training ends before its last epoch, and what it is judged on.
 *
 * @param validationSize training images held out (seeded) to judge epochs by, so the test set serves only the final
 *     figures and the gate; 0 holds none out
 * @param monitor what early stopping and the best epoch are judged by
 * @param patience epochs without an improvement of at least {@code minDelta} before training stops; 0 never stops
 * @param maxTrainingTime training stops at the first step past this budget; null has no budget
 */
public record Stopping(
        int validationSize,
        Monitor monitor,
        int patience,
        double minDelta,
        @JsonIgnore Duration maxTrainingTime) {

    /** A figure of the validation set; each knows which direction is better. */
    public enum Monitor {
        VAL_LOSS,
        VAL_ACCURACY;

        public static Monitor parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("monitor", text, "use val_loss or val_accuracy");
            }
        }

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Lower is better for both, so accuracy is negated. */
        double score(double validationLoss, double validationAccuracy) {
            return this == VAL_LOSS ? validationLoss : -validationAccuracy;
        }
    }

    public Stopping {
        if (monitor == null) {
            monitor = Monitor.VAL_LOSS;
        }
        if (validationSize < 0) {
            throw new InvalidParameterException(
                    "validationSize", validationSize, "hold out 0 (none) or more training images, e.g. 5000");
        }
        if (patience < 0) {
            throw new InvalidParameterException(
                    "patience", patience, "use 0 (no early stopping) or a number of epochs");
        }
        if (patience > 0 && validationSize == 0) {
            throw new InvalidParameterException(
                    "patience", patience, "early stopping watches a validation set: set validationSize too, e.g. 5000");
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new InvalidParameterException("minDelta", minDelta, "use 0 or a small positive number, e.g. 0.0001");
        }
        if (maxTrainingTime != null && (maxTrainingTime.isNegative() || maxTrainingTime.isZero())) {
            throw new InvalidParameterException(
                    "maxTrainingTime", maxTrainingTime, "use a positive duration such as 90s or 5m");
        }
    }

    /** The budget in JSON (ISO-8601), as the child JVM's request carries it: JSON has no type for a duration. */
    @JsonProperty("budget")
    String budget() {
        return maxTrainingTime == null ? null : maxTrainingTime.toString();
    }

    @JsonCreator
    static Stopping fromJson(
            @JsonProperty("validationSize") int validationSize,
            @JsonProperty("monitor") Monitor monitor,
            @JsonProperty("patience") int patience,
            @JsonProperty("minDelta") double minDelta,
            @JsonProperty("budget") String budget) {
        return new Stopping(
                validationSize, monitor, patience, minDelta, budget == null ? null : Duration.parse(budget));
    }

    public static Stopping none() {
        return new Stopping(0, Monitor.VAL_LOSS, 0, 0, null);
    }

    public boolean validates() {
        return validationSize > 0;
    }

    /** Reads 90s, 5m, 2h, 1500ms, a plain number of seconds, or ISO-8601 (PT5M); blank means no budget. */
    public static Duration parseDuration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(
                        Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            char unit = t.charAt(t.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
            }
            double amount = Double.parseDouble(t.substring(0, t.length() - 1).trim());
            return switch (unit) {
                case 's' -> Duration.ofMillis(Math.round(amount * 1000));
                case 'm' -> Duration.ofMillis(Math.round(amount * 60_000));
                case 'h' -> Duration.ofMillis(Math.round(amount * 3_600_000));
                default -> throw new NumberFormatException(text);
            };
        } catch (RuntimeException e) {
            throw new InvalidParameterException("maxTrainingTime", text, "use a duration such as 90s, 5m, 1h or PT10M");
        }
    }
}
