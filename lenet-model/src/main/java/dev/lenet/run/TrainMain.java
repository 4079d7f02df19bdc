package dev.lenet.run;

import dev.lenet.LeNetException;
import dev.lenet.data.DatasetCache;
import dev.lenet.training.Device;
import dev.lenet.training.EpochRecord;
import dev.lenet.training.LearningRateSchedule;
import dev.lenet.training.Stopping;
import dev.lenet.training.TrainingConfig;
import dev.lenet.training.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains from the command line and prints the summary and one line per epoch:
 * {@code java -cp ... dev.lenet.run.TrainMain [--dataset DIR_OR_ARCHIVE] [--epochs N] [--batch-size N]
 * [--learning-rate X] [--schedule constant|step|cosine] [--seed N] [--raw] [--threads N] [--device auto|cpu|gpu]
 * [--output DIR] [--memory] [--validation-size N] [--patience N]}. {@code --memory} prints the process's resident memory after each epoch. {@code --reference} selects the reference article's settings. Without {@code --dataset}, MNIST
 * comes from {@code ~/.lenet/datasets}, fetched on first use as the plugin does.
 */
public final class TrainMain {
    private TrainMain() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (LeNetException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args) {
        TrainingConfig config = TrainingConfig.defaults();
        Path dataset = null;
        Path output = Path.of("target", "lenet", "saved-model");
        boolean memory = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            switch (flag) {
                case "--dataset" -> dataset = Path.of(value(flag, rest));
                case "--output" -> output = Path.of(value(flag, rest));
                case "--reference" -> config = TrainingConfig.reference().withSeed(config.seed());
                case "--epochs" -> config = config.withEpochs(Integer.parseInt(value(flag, rest)));
                case "--batch-size" -> config = config.withBatchSize(Integer.parseInt(value(flag, rest)));
                case "--learning-rate" -> config = config.withLearningRate(Double.parseDouble(value(flag, rest)));
                case "--schedule" -> config = config.withSchedule(LearningRateSchedule.parse(value(flag, rest)));
                case "--seed" -> config = config.withSeed(Long.parseLong(value(flag, rest)));
                case "--raw" -> config = config.withScaleInput(false);
                case "--threads" -> config = config.withThreads(Integer.parseInt(value(flag, rest)));
                case "--device" -> config = config.withDevice(Device.parse(value(flag, rest)));
                case "--memory" -> memory = true;
                case "--validation-size" -> config = config.withStopping(new Stopping(Integer.parseInt(value(flag, rest)),
                        config.stopping().monitor(), config.stopping().patience(), config.stopping().minDelta(),
                        config.stopping().maxTrainingTime()));
                case "--patience" -> config = config.withStopping(new Stopping(config.stopping().validationSize(),
                        config.stopping().monitor(), Integer.parseInt(value(flag, rest)), config.stopping().minDelta(),
                        config.stopping().maxTrainingTime()));
                default -> throw new LeNetException("unknown option " + flag + "; see the class comment of TrainMain");
            }
        }
        if (dataset == null) {
            dataset = new DatasetCache(Path.of(System.getProperty("user.home"), ".lenet", "datasets"),
                    DatasetCache.DEFAULT_SOURCES, System.out::println).mnist();
        }
        TrainingListener listener = new LoggingListener(LoggingListener.STANDARD_OUTPUT);
        if (memory) {
            listener = TrainingListener.both(listener, new TrainingListener() {
                @Override
                public void epochEnded(EpochRecord record) {
                    System.out.printf(Locale.ROOT, "memory epoch %d resident %d MiB%n", record.epoch(),
                            record.residentBytes() >> 20);
                }
            });
        }
        TrainingRun.Outcome outcome = TrainingRun.execute(dataset, config, output, null, listener);
        System.out.println("training ended: " + outcome.training().stop().message());
        System.out.printf(Locale.ROOT, "test accuracy %.4f (%d/%d); SavedModel in %s%n", outcome.card().testAccuracy(),
                outcome.card().testCorrect(), outcome.card().testImages(), output.toAbsolutePath());
    }

    private static String value(String flag, List<String> rest) {
        if (rest.isEmpty()) {
            throw new LeNetException(flag + " needs a value");
        }
        return rest.remove(0);
    }
}
