package dev.lenet.training;

import java.util.List;

/**
 * The training specification: every hyperparameter, declared once, in the order the model card lists them. Adding one
 * is a declaration here, its use in the graph or the loop ({@code config.get(NAME)}), and, for Maven, a field of the
 * same name in the train goal; the card, the ML-BOM, the Markdown card, the command line ({@code --name VALUE}) and
 * the fingerprint of a run follow from the declaration.
 *
 * <p>The defaults were chosen by measurement: the recipe that reached 99% soonest over five seeds
 * (docs/performance.md, "How the defaults were chosen"; bench/recipes). They are strings too, so that the plugin's
 * parameter defaults are these very values.
 */
public final class Hyperparameters {
    public static final String DEFAULT_EPOCHS = "auto";

    /** {@code epochs} auto, as its value: fitted to the data by {@link TrainingLength}. */
    public static final int AUTO_EPOCHS = 0;

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
    public static final String DEFAULT_PRECISION = "auto";

    public static final Hyperparameter<Integer> EPOCHS = Hyperparameter.define(
                    "epochs",
                    DEFAULT_EPOCHS,
                    text -> text.equalsIgnoreCase("auto") ? AUTO_EPOCHS : Integer.valueOf(text),
                    "Passes over the training set; auto fits them to the data: the fewest that reach "
                            + TrainingLength.MIN_STEPS + " optimizer steps (2 for MNIST's 60,000 images).")
            .valid(v -> v >= 0 && v <= 10_000, "train for at least 1 and at most 10000 epochs, or auto")
            .recorded(v -> v == AUTO_EPOCHS ? "auto" : v)
            .text(v -> v == AUTO_EPOCHS ? "auto" : String.valueOf(v))
            .build();

    public static final Hyperparameter<Integer> BATCH_SIZE = Hyperparameter.define(
                    "batchSize", DEFAULT_BATCH_SIZE, Integer::valueOf, "Images per Adam step.")
            .valid(v -> v >= 1, "a batch holds at least 1 image; the default is " + DEFAULT_BATCH_SIZE)
            .build();

    public static final Hyperparameter<Double> LEARNING_RATE = Hyperparameter.define(
                    "learningRate",
                    DEFAULT_LEARNING_RATE,
                    Double::valueOf,
                    "Adam's base learning rate; with oneCycle, the peak.")
            .valid(
                    v -> v > 0 && Double.isFinite(v),
                    "the learning rate must be a positive number; the default is " + DEFAULT_LEARNING_RATE)
            .build();

    public static final Hyperparameter<LearningRateSchedule> LEARNING_RATE_SCHEDULE = Hyperparameter.define(
                    "learningRateSchedule",
                    DEFAULT_SCHEDULE,
                    LearningRateSchedule::parse,
                    "constant, step, cosine (these change the rate between epochs) or oneCycle (per step).")
            .recorded(LearningRateSchedule::text)
            .text(LearningRateSchedule::text)
            .build();

    public static final Hyperparameter<Double> WARMUP_FRACTION = Hyperparameter.define(
                    "warmupFraction",
                    DEFAULT_WARMUP_FRACTION,
                    Double::valueOf,
                    "oneCycle only: the share of all steps spent rising from learningRate/10 to learningRate.")
            .valid(v -> v >= 0 && v < 1, "the warm-up is a share of all steps in [0, 1); the default is 0.25")
            .notInMlBom()
            .build();

    public static final Hyperparameter<Double> FINAL_DIVISOR = Hyperparameter.define(
                    "finalDivisor",
                    DEFAULT_FINAL_DIVISOR,
                    Double::valueOf,
                    "oneCycle only: the last step's rate is learningRate divided by this.")
            .valid(
                    v -> v >= 1 && Double.isFinite(v),
                    "the last rate is the peak divided by this: use 1 or more, e.g. 1000")
            .notInMlBom()
            .build();

    public static final Hyperparameter<Double> BETA1 = Hyperparameter.define(
                    "beta1", DEFAULT_BETA1, Double::valueOf, "Adam's decay rate of the first moment.")
            .valid(v -> v >= 0 && v < 1, "Adam's beta1 lies in [0, 1); the default is " + DEFAULT_BETA1)
            .build();

    public static final Hyperparameter<Double> BETA2 = Hyperparameter.define(
                    "beta2", DEFAULT_BETA2, Double::valueOf, "Adam's decay rate of the second moment.")
            .valid(v -> v >= 0 && v < 1, "Adam's beta2 lies in [0, 1); the default is " + DEFAULT_BETA2)
            .build();

    public static final Hyperparameter<Double> EPSILON = Hyperparameter.define(
                    "epsilon", DEFAULT_EPSILON, Double::valueOf, "Adam's epsilon.")
            .valid(v -> v > 0 && v < 1, "Adam's epsilon is a small positive number, e.g. 1e-7")
            .notInMlBom()
            .build();

    public static final Hyperparameter<Long> SEED = Hyperparameter.define(
                    "seed",
                    DEFAULT_SEED,
                    Long::valueOf,
                    "Fixes the initial weights and the shuffles: same seed, same threads, same data: the same model.")
            .valid(v -> true, "a whole number, e.g. " + DEFAULT_SEED)
            .build();

    public static final Hyperparameter<Boolean> SCALE_INPUT = Hyperparameter.define(
                    "scaleInput",
                    DEFAULT_SCALE_INPUT,
                    Hyperparameters::bool,
                    "true scales pixels to [0,1] inside the graph; false keeps the reference's 0-255 inputs.")
            .valid(v -> true, "true or false")
            .notInMlBom()
            .build();

    public static final Hyperparameter<Boolean> AUGMENT = Hyperparameter.define(
                    "augment",
                    DEFAULT_AUGMENT,
                    Hyperparameters::bool,
                    "Moves, turns and scales every training image a little at random in each step (seeded), for"
                            + " small datasets.")
            .valid(v -> true, "true or false")
            .build();

    /** A different count sums in a different order and gives different bits: the card records the count used. */
    public static final Hyperparameter<Integer> THREADS = Hyperparameter.define(
                    "threads",
                    DEFAULT_THREADS,
                    Integer::valueOf,
                    "TensorFlow's intra-op threads; 0 means one per processor. Part of what decides the bits.")
            .valid(v -> v >= 0 && v <= 1024, "use 0 (one per processor) or a positive count")
            .recorded(Hyperparameters::effectiveThreads)
            .notInMlBom()
            .build();

    /**
     * The card records the precision trained in (a run resolves auto); the fingerprint records auto with what it is on
     * this CPU, so that a model made on another kind of processor is not taken for this one's.
     */
    public static final Hyperparameter<Precision> PRECISION = Hyperparameter.define(
                    "precision",
                    DEFAULT_PRECISION,
                    Precision::parse,
                    "float32, bfloat16 (the convolutions; weights, loss and the exported model stay float32) or auto:"
                            + " bfloat16 on a CPU with AVX512_BF16 or AMX, else float32. Part of what decides the bits.")
            .valid(v -> true, "use float32, bfloat16 or auto")
            .recorded(v -> v == Precision.AUTO
                    ? "auto (" + PrecisionChoice.onThisCpu(v).text() + " on this CPU)"
                    : v.text())
            .text(Precision::text)
            .build();

    /** Every hyperparameter, in the card's order. */
    public static final List<Hyperparameter<?>> ALL = List.of(
            EPOCHS,
            BATCH_SIZE,
            LEARNING_RATE,
            LEARNING_RATE_SCHEDULE,
            WARMUP_FRACTION,
            FINAL_DIVISOR,
            BETA1,
            BETA2,
            EPSILON,
            SEED,
            SCALE_INPUT,
            AUGMENT,
            THREADS,
            PRECISION);

    private Hyperparameters() {}

    /** The setting of this name, or null. */
    public static Hyperparameter<?> named(String name) {
        return ALL.stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
    }

    static int effectiveThreads(int threads) {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    private static Boolean bool(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(text);
        }
        return Boolean.valueOf(text);
    }
}
