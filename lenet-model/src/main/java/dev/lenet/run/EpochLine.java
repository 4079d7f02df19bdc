package dev.lenet.run;

import dev.lenet.training.EpochRecord;
import java.util.Locale;

/** One epoch as one log line, in the manner of Keras' {@code verbose=2}. */
public final class EpochLine {
    private EpochLine() {}

    public static String format(EpochRecord r, double secondsLeft) {
        return String.format(Locale.ROOT,
                "Epoch %d/%d - loss %.4f - acc %.4f - test_acc %.4f - lr %.5f - %.1fs - %,.0f img/s - ETA %s",
                r.epoch(), r.epochs(), r.meanLoss(), r.trainAccuracy(), r.testAccuracy(), r.learningRate(),
                r.seconds(), r.imagesPerSecond(), duration(secondsLeft));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
