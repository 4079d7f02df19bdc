package dev.lenet.log;

import dev.lenet.training.EpochRecord;
import java.util.Locale;

/** One epoch as one log line, in the manner of Keras' {@code verbose=2}. */
public final class EpochLine {
    private EpochLine() {}

    public static String format(EpochRecord r, double secondsLeft) {
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "Epoch %d/%d - loss %.4f - acc %.4f",
                r.epoch(),
                r.epochs(),
                r.meanLoss(),
                r.trainAccuracy()));
        if (r.validationLoss() != null) {
            line.append(String.format(
                    Locale.ROOT, " - val_loss %.4f - val_acc %.4f", r.validationLoss(), r.validationAccuracy()));
        }
        if (r.testAccuracy() != null) {
            line.append(String.format(Locale.ROOT, " - test_acc %.4f", r.testAccuracy()));
        }
        line.append(String.format(
                Locale.ROOT,
                " - lr %.5f - %.1fs - %,.0f img/s - ETA %s",
                r.learningRate(),
                r.seconds(),
                r.imagesPerSecond(),
                duration(secondsLeft)));
        return line.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
