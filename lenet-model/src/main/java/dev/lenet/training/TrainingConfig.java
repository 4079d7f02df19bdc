package dev.lenet.training;

import dev.lenet.InvalidParameterException;

/**
 * Everything that decides the trained weights. Validated on construction; parameter names are the ones the
 * plugin and the command line use. Derive a changed copy with {@link #toBuilder()}.
 *
 * @param learningRate the base rate; one-cycle's peak
 * @param warmupFraction one-cycle only: the share of all steps spent rising to the peak
 * @param finalDivisor one-cycle only: the rate starts at peak/10 and ends at peak/finalDivisor
 * @param augment true moves, turns and scales every training image a little at random in each step (seeded; see
 *     {@code Augmentation}), for small datasets
 * @param threads TensorFlow's intra-op threads; 0 means one per available processor. Part of the result:
 *     a different count sums in a different order and gives different bits.
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        double learningRate,
        LearningRateSchedule learningRateSchedule,
        double warmupFraction,
        double finalDivisor,
        double beta1,
        double beta2,
        double epsilon,
        long seed,
        boolean scaleInput,
        boolean augment,
        int threads,
        Device device,
        Stopping stopping) {

    // Strings too, so that the plugin's parameter defaults are these very values. Chosen by measurement: the recipe
    // that reached 99% soonest over five seeds (docs/performance.md, "How the defaults were chosen"; bench/recipes).
    public static final String DEFAULT_EPOCHS = "2";
    public static final String DEFAULT_BATCH_SIZE = "384";
    public static final String DEFAULT_LEARNING_RATE = "0.015";
    public static final String DEFAULT_SCHEDULE = "oneCycle";
    public static final String DEFAULT_WARMUP_FRACTION = "0.25";
    public static final String DEFAULT_FINAL_DIVISOR = "1000";
    public static final String DEFAULT_BETA1 = "0.7";
    public static final String DEFAULT_BETA2 = "0.9";
    public static final String DEFAULT_EPSILON = "1e-7";
    public static final String DEFAULT_SEED = "42";
    public static final String DEFAULT_SCALE_INPUT = "true";
    public static final String DEFAULT_AUGMENT = "false";
    public static final String DEFAULT_THREADS = "0";
    public static final String DEFAULT_DEVICE = "auto";

    public TrainingConfig {
        if (epochs < 1 || epochs > 10_000) {
            throw new InvalidParameterException("epochs", epochs, "train for at least 1 and at most 10000 epochs");
        }
        if (batchSize < 1) {
            throw new InvalidParameterException(
                    "batchSize", batchSize, "a batch holds at least 1 image; 64 is a good start");
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new InvalidParameterException(
                    "learningRate", learningRate, "the learning rate must be a positive number; 0.001-0.01 suits Adam");
        }
        if (!(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new InvalidParameterException(
                    "warmupFraction", warmupFraction, "the warm-up is a share of all steps in [0, 1); 0.25 is usual");
        }
        if (!(finalDivisor >= 1 && Double.isFinite(finalDivisor))) {
            throw new InvalidParameterException(
                    "finalDivisor",
                    finalDivisor,
                    "the last rate is the peak divided by this: use 1 or more, e.g. 1000");
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new InvalidParameterException("beta1", beta1, "Adam's beta1 lies in [0, 1); 0.9 is usual");
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new InvalidParameterException("beta2", beta2, "Adam's beta2 lies in [0, 1); 0.999 is usual");
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new InvalidParameterException(
                    "epsilon", epsilon, "Adam's epsilon is a small positive number, e.g. 1e-7");
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
        return new Builder().build();
    }

    /** The reference article's settings: Adam 0.01, batch 500, 10 epochs, constant rate, pixels 0-255. */
    public static TrainingConfig reference() {
        return defaults().toBuilder()
                .epochs(10)
                .batchSize(500)
                .learningRate(0.01)
                .learningRateSchedule(LearningRateSchedule.CONSTANT)
                .beta1(0.9)
                .beta2(0.999)
                .scaleInput(false)
                .build();
    }

    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** The learning rate of training step {@code step} (0-based, counted over all epochs). */
    public double rate(long step, long stepsPerEpoch) {
        return learningRateSchedule.rate(learningRate, step, stepsPerEpoch, epochs, warmupFraction, finalDivisor);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Starts from the defaults; {@link #build()} validates. */
    public static final class Builder {
        private int epochs = Integer.parseInt(DEFAULT_EPOCHS);
        private int batchSize = Integer.parseInt(DEFAULT_BATCH_SIZE);
        private double learningRate = Double.parseDouble(DEFAULT_LEARNING_RATE);
        private LearningRateSchedule learningRateSchedule = LearningRateSchedule.parse(DEFAULT_SCHEDULE);
        private double warmupFraction = Double.parseDouble(DEFAULT_WARMUP_FRACTION);
        private double finalDivisor = Double.parseDouble(DEFAULT_FINAL_DIVISOR);
        private double beta1 = Double.parseDouble(DEFAULT_BETA1);
        private double beta2 = Double.parseDouble(DEFAULT_BETA2);
        private double epsilon = Double.parseDouble(DEFAULT_EPSILON);
        private long seed = Long.parseLong(DEFAULT_SEED);
        private boolean scaleInput = Boolean.parseBoolean(DEFAULT_SCALE_INPUT);
        private boolean augment = Boolean.parseBoolean(DEFAULT_AUGMENT);
        private int threads = Integer.parseInt(DEFAULT_THREADS);
        private Device device = Device.parse(DEFAULT_DEVICE);
        private Stopping stopping = Stopping.none();

        public Builder() {}

        private Builder(TrainingConfig c) {
            epochs = c.epochs;
            batchSize = c.batchSize;
            learningRate = c.learningRate;
            learningRateSchedule = c.learningRateSchedule;
            warmupFraction = c.warmupFraction;
            finalDivisor = c.finalDivisor;
            beta1 = c.beta1;
            beta2 = c.beta2;
            epsilon = c.epsilon;
            seed = c.seed;
            scaleInput = c.scaleInput;
            augment = c.augment;
            threads = c.threads;
            device = c.device;
            stopping = c.stopping;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder learningRateSchedule(LearningRateSchedule value) {
            learningRateSchedule = value;
            return this;
        }

        public Builder warmupFraction(double value) {
            warmupFraction = value;
            return this;
        }

        public Builder finalDivisor(double value) {
            finalDivisor = value;
            return this;
        }

        public Builder beta1(double value) {
            beta1 = value;
            return this;
        }

        public Builder beta2(double value) {
            beta2 = value;
            return this;
        }

        public Builder epsilon(double value) {
            epsilon = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder augment(boolean value) {
            augment = value;
            return this;
        }

        public Builder scaleInput(boolean value) {
            scaleInput = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder device(Device value) {
            device = value;
            return this;
        }

        public Builder stopping(Stopping value) {
            stopping = value;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(
                    epochs,
                    batchSize,
                    learningRate,
                    learningRateSchedule,
                    warmupFraction,
                    finalDivisor,
                    beta1,
                    beta2,
                    epsilon,
                    seed,
                    scaleInput,
                    augment,
                    threads,
                    device,
                    stopping);
        }
    }
}
