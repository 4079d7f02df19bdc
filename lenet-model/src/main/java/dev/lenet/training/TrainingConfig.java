package dev.lenet.training;

import dev.lenet.InvalidParameterException;

/**
 * Everything that decides the trained weights. Validated on construction; parameter names are the ones the
 * plugin and the command line use.
 *
 * @param threads TensorFlow's intra-op threads; 0 means one per available processor. Part of the result:
 *     a different count sums in a different order and gives different bits.
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        double learningRate,
        LearningRateSchedule learningRateSchedule,
        double beta1,
        double beta2,
        long seed,
        boolean scaleInput,
        int threads,
        Device device,
        Stopping stopping) {

    // Strings too, so that the plugin's parameter defaults are these very values.
    public static final String DEFAULT_EPOCHS = "8";
    public static final String DEFAULT_BATCH_SIZE = "64";
    public static final String DEFAULT_LEARNING_RATE = "0.001";
    public static final String DEFAULT_SCHEDULE = "cosine";
    public static final String DEFAULT_BETA1 = "0.9";
    public static final String DEFAULT_BETA2 = "0.999";
    public static final String DEFAULT_SEED = "42";
    public static final String DEFAULT_SCALE_INPUT = "true";
    public static final String DEFAULT_THREADS = "0";
    public static final String DEFAULT_DEVICE = "auto";
    public static final double EPSILON = 1e-7;

    public TrainingConfig {
        if (epochs < 1 || epochs > 10_000) {
            throw new InvalidParameterException("epochs", epochs, "train for at least 1 and at most 10000 epochs");
        }
        if (batchSize < 1) {
            throw new InvalidParameterException("batchSize", batchSize, "a batch holds at least 1 image; 64 is a good start");
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new InvalidParameterException("learningRate", learningRate,
                    "the learning rate must be a positive number; 0.001-0.01 suits Adam");
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new InvalidParameterException("beta1", beta1, "Adam's beta1 lies in [0, 1); 0.9 is usual");
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new InvalidParameterException("beta2", beta2, "Adam's beta2 lies in [0, 1); 0.999 is usual");
        }
        if (threads < 0 || threads > 1024) {
            throw new InvalidParameterException("threads", threads, "use 0 (one per processor) or a positive count");
        }
        if (learningRateSchedule == null) {
            learningRateSchedule = LearningRateSchedule.CONSTANT;
        }
        if (device == null) {
            device = Device.AUTO;
        }
        if (stopping == null) {
            stopping = Stopping.none();
        }
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(Integer.parseInt(DEFAULT_EPOCHS), Integer.parseInt(DEFAULT_BATCH_SIZE),
                Double.parseDouble(DEFAULT_LEARNING_RATE), LearningRateSchedule.parse(DEFAULT_SCHEDULE),
                Double.parseDouble(DEFAULT_BETA1), Double.parseDouble(DEFAULT_BETA2), Long.parseLong(DEFAULT_SEED),
                Boolean.parseBoolean(DEFAULT_SCALE_INPUT), Integer.parseInt(DEFAULT_THREADS),
                Device.parse(DEFAULT_DEVICE), Stopping.none());
    }

    /** The reference article's settings: Adam 0.01, batch 500, 10 epochs, pixels 0-255. */
    public static TrainingConfig reference() {
        return defaults().withEpochs(10).withBatchSize(500).withLearningRate(0.01)
                .withSchedule(LearningRateSchedule.CONSTANT).withScaleInput(false);
    }

    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(value, batchSize, learningRate, learningRateSchedule, beta1, beta2, seed, scaleInput, threads, device, stopping);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(epochs, value, learningRate, learningRateSchedule, beta1, beta2, seed, scaleInput, threads, device, stopping);
    }

    public TrainingConfig withLearningRate(double value) {
        return new TrainingConfig(epochs, batchSize, value, learningRateSchedule, beta1, beta2, seed, scaleInput, threads, device, stopping);
    }

    public TrainingConfig withSchedule(LearningRateSchedule value) {
        return new TrainingConfig(epochs, batchSize, learningRate, value, beta1, beta2, seed, scaleInput, threads, device, stopping);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateSchedule, beta1, beta2, value, scaleInput, threads, device, stopping);
    }

    public TrainingConfig withScaleInput(boolean value) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateSchedule, beta1, beta2, seed, value, threads, device, stopping);
    }

    public TrainingConfig withThreads(int value) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateSchedule, beta1, beta2, seed, scaleInput, value, device, stopping);
    }

    public TrainingConfig withStopping(Stopping value) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateSchedule, beta1, beta2, seed, scaleInput, threads, device, value);
    }

    public TrainingConfig withDevice(Device value) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateSchedule, beta1, beta2, seed, scaleInput, threads, value, stopping);
    }
}
