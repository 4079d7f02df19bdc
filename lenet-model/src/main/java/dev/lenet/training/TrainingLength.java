package dev.lenet.training;

import java.util.Locale;

/**
 * The number of epochs when the build sets none ({@code epochs} auto): the fewest that reach {@value #MIN_STEPS}
 * optimizer steps, at most {@value #MAX_EPOCHS}. The defaults were tuned on MNIST's 60,000 images, where that is 2
 * epochs (314 steps at batch 384); a set a fifth of the size gets 10 epochs instead of a fifth of the steps. Measured on
 * three data sets against the best length found by hand in docs/datasets.md.
 */
public final class TrainingLength {
    public static final int MIN_STEPS = 300;
    public static final int MAX_EPOCHS = 100;

    private TrainingLength() {}

    /**
     * @param config the run's settings, epochs possibly auto
     * @param decision what was decided and why, in a sentence; null when the build set the epochs
     */
    public record Fitted(TrainingConfig config, String decision) {}

    /** The run's settings with the epochs fitted to {@code trainImages}, the images the optimizer steps over. */
    public static Fitted fit(TrainingConfig config, int trainImages) {
        if (config.epochs() != Hyperparameters.AUTO_EPOCHS) {
            return new Fitted(config, null);
        }
        int stepsPerEpoch = Math.max(1, config.stepsPerEpoch(trainImages));
        int epochs = Math.min(MAX_EPOCHS, Math.max(1, (MIN_STEPS + stepsPerEpoch - 1) / stepsPerEpoch));
        String decision = String.format(
                Locale.ROOT,
                "%d epoch%s: %,d steps for %,d images (epochs auto: the fewest epochs that reach %d optimizer steps,"
                        + " at most %d)",
                epochs,
                epochs == 1 ? "" : "s",
                (long) epochs * stepsPerEpoch,
                trainImages,
                MIN_STEPS,
                MAX_EPOCHS);
        return new Fitted(config.toBuilder().epochs(epochs).build(), decision);
    }
}
