package dev.lenet.training;

import dev.lenet.data.Dataset;
import dev.lenet.data.SyntheticDigits;

/** A small synthetic dataset and a quick configuration, shared by tests that need a trained model. */
public final class TinyTraining {
    public static final Dataset DATA =
            new Dataset("synthetic", SyntheticDigits.generate(1200, 7), SyntheticDigits.generate(300, 8));

    /** Fixed here rather than taken from the defaults, so that changing a default changes no test. */
    public static final TrainingConfig CONFIG = new TrainingConfig.Builder()
            .epochs(2)
            .batchSize(50)
            .learningRate(0.003)
            .learningRateSchedule(LearningRateSchedule.COSINE)
            .beta1(0.9)
            .beta2(0.999)
            .epsilon(1e-7)
            .seed(42)
            .threads(2)
            .precision(Precision.FLOAT32)
            .device(Device.CPU)
            .build();

    private static TrainingResult trained;

    private TinyTraining() {}

    /** Writes the dataset as four raw IDX files into {@code directory}, for tests that read it from disk. */
    public static java.nio.file.Path writeTo(java.nio.file.Path directory) throws java.io.IOException {
        dev.lenet.data.IdxWriter.writeDataset(directory, DATA.train(), DATA.test(), false);
        return directory;
    }

    /** Trains once per test JVM. */
    public static synchronized TrainingResult trained() {
        if (trained == null) {
            try (Trainer trainer = new Trainer(CONFIG, DATA)) {
                trained = trainer.train(TrainingListener.NONE);
            }
        }
        return trained;
    }
}
