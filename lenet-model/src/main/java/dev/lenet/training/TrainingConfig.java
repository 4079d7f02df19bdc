package dev.lenet.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lenet.InvalidParameterException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides the trained weights: a value for each of the {@link Hyperparameters}, the device, and the
 * rules that may end training early. Each value is checked against its range when set. Derive a changed copy with
 * {@link #toBuilder()}.
 */
public final class TrainingConfig {
    private final Map<Hyperparameter<?>, Object> values;
    private final Device device;
    private final Stopping stopping;

    private TrainingConfig(Map<Hyperparameter<?>, Object> values, Device device, Stopping stopping) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.device = device == null ? Device.AUTO : device;
        this.stopping = stopping == null ? Stopping.none() : stopping;
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

    /** The value of one hyperparameter. */
    @SuppressWarnings("unchecked")
    public <T> T get(Hyperparameter<T> hyperparameter) {
        return (T) values.get(hyperparameter);
    }

    /** Each hyperparameter's name and what the model card records of its value, in the card's order. */
    public Map<String, Object> recorded() {
        Map<String, Object> recorded = new LinkedHashMap<>();
        values.forEach((h, value) -> recorded.put(h.name(), recordedValue(h)));
        return recorded;
    }

    private <T> String textOf(Hyperparameter<T> hyperparameter) {
        return hyperparameter.text(get(hyperparameter));
    }

    private <T> Object recordedValue(Hyperparameter<T> hyperparameter) {
        return hyperparameter.recorded(get(hyperparameter));
    }

    public int epochs() {
        return get(Hyperparameters.EPOCHS);
    }

    public int batchSize() {
        return get(Hyperparameters.BATCH_SIZE);
    }

    public double learningRate() {
        return get(Hyperparameters.LEARNING_RATE);
    }

    public LearningRateSchedule learningRateSchedule() {
        return get(Hyperparameters.LEARNING_RATE_SCHEDULE);
    }

    public double warmupFraction() {
        return get(Hyperparameters.WARMUP_FRACTION);
    }

    public double finalDivisor() {
        return get(Hyperparameters.FINAL_DIVISOR);
    }

    public double beta1() {
        return get(Hyperparameters.BETA1);
    }

    public double beta2() {
        return get(Hyperparameters.BETA2);
    }

    public double epsilon() {
        return get(Hyperparameters.EPSILON);
    }

    public long seed() {
        return get(Hyperparameters.SEED);
    }

    public boolean scaleInput() {
        return get(Hyperparameters.SCALE_INPUT);
    }

    public boolean augment() {
        return get(Hyperparameters.AUGMENT);
    }

    public int threads() {
        return get(Hyperparameters.THREADS);
    }

    public Precision precision() {
        return get(Hyperparameters.PRECISION);
    }

    @JsonProperty("device")
    public Device device() {
        return device;
    }

    @JsonProperty("stopping")
    public Stopping stopping() {
        return stopping;
    }

    /** Optimizer steps over {@code images} training images: the last batch may be smaller. */
    public int stepsPerEpoch(int images) {
        return (images + batchSize() - 1) / batchSize();
    }

    public int effectiveThreads() {
        return Hyperparameters.effectiveThreads(threads());
    }

    /** The learning rate of training step {@code step} (0-based, counted over all epochs). */
    public double rate(long step, long stepsPerEpoch) {
        return learningRateSchedule()
                .rate(learningRate(), step, stepsPerEpoch, epochs(), warmupFraction(), finalDivisor());
    }

    /** The values as text, as the child JVM's request carries them: parsed back, the same bits. */
    @JsonProperty("hyperparameters")
    Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        values.keySet().forEach(h -> texts.put(h.name(), textOf(h)));
        return texts;
    }

    @JsonCreator
    static TrainingConfig fromJson(
            @JsonProperty("hyperparameters") Map<String, String> texts,
            @JsonProperty("device") Device device,
            @JsonProperty("stopping") Stopping stopping) {
        Builder builder = new Builder().device(device).stopping(stopping);
        texts.forEach(builder::set);
        return builder.build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingConfig that
                && values.equals(that.values)
                && device == that.device
                && stopping.equals(that.stopping);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, device, stopping);
    }

    @Override
    public String toString() {
        return "TrainingConfig" + texts() + " device " + device.text() + " " + stopping;
    }

    /** Starts from the defaults; every value is checked when set. */
    public static final class Builder {
        private final Map<Hyperparameter<?>, Object> values = new LinkedHashMap<>();
        private Device device = Device.AUTO;
        private Stopping stopping = Stopping.none();

        public Builder() {
            for (Hyperparameter<?> h : Hyperparameters.ALL) {
                values.put(h, h.defaultValue());
            }
        }

        private Builder(TrainingConfig c) {
            values.putAll(c.values);
            device = c.device;
            stopping = c.stopping;
        }

        public <T> Builder set(Hyperparameter<T> hyperparameter, T value) {
            values.put(hyperparameter, hyperparameter.check(value));
            return this;
        }

        /** Sets the hyperparameter of this name from text, as the plugin and the command line give it. */
        public Builder set(String name, String text) {
            Hyperparameter<?> hyperparameter = Hyperparameters.named(name);
            if (hyperparameter == null) {
                throw new InvalidParameterException(
                        name, text, "no such hyperparameter; they are " + Hyperparameters.ALL);
            }
            values.put(hyperparameter, hyperparameter.parse(text));
            return this;
        }

        public Builder epochs(int value) {
            return set(Hyperparameters.EPOCHS, value);
        }

        public Builder batchSize(int value) {
            return set(Hyperparameters.BATCH_SIZE, value);
        }

        public Builder learningRate(double value) {
            return set(Hyperparameters.LEARNING_RATE, value);
        }

        public Builder learningRateSchedule(LearningRateSchedule value) {
            return set(Hyperparameters.LEARNING_RATE_SCHEDULE, value);
        }

        public Builder warmupFraction(double value) {
            return set(Hyperparameters.WARMUP_FRACTION, value);
        }

        public Builder finalDivisor(double value) {
            return set(Hyperparameters.FINAL_DIVISOR, value);
        }

        public Builder beta1(double value) {
            return set(Hyperparameters.BETA1, value);
        }

        public Builder beta2(double value) {
            return set(Hyperparameters.BETA2, value);
        }

        public Builder epsilon(double value) {
            return set(Hyperparameters.EPSILON, value);
        }

        public Builder seed(long value) {
            return set(Hyperparameters.SEED, value);
        }

        public Builder precision(Precision value) {
            return set(Hyperparameters.PRECISION, value);
        }

        public Builder augment(boolean value) {
            return set(Hyperparameters.AUGMENT, value);
        }

        public Builder scaleInput(boolean value) {
            return set(Hyperparameters.SCALE_INPUT, value);
        }

        public Builder threads(int value) {
            return set(Hyperparameters.THREADS, value);
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
            return new TrainingConfig(values, device, stopping);
        }
    }
}
