package dev.lenet.cli;

import dev.lenet.InvalidParameterException;
import dev.lenet.LeNetException;
import dev.lenet.data.DatasetCache;
import dev.lenet.data.DatasetOptions;
import dev.lenet.export.OutputTimestamp;
import dev.lenet.fork.ChildJvm;
import dev.lenet.goal.TrainGoal;
import dev.lenet.log.BuildLog;
import dev.lenet.log.TerminalProgress;
import dev.lenet.pipeline.RunReport;
import dev.lenet.training.Device;
import dev.lenet.training.EpochRecord;
import dev.lenet.training.Hyperparameter;
import dev.lenet.training.Hyperparameters;
import dev.lenet.training.LearningRateSchedule;
import dev.lenet.training.Stopping;
import dev.lenet.training.TrainingConfig;
import dev.lenet.training.TrainingLength;
import java.io.File;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code lenet:train} without Maven: the same {@link TrainGoal} (up-to-date check, child JVM with oneDNN on, gates,
 * metrics, report, model artifact and ML-BOM in {@code --output}, by default {@code target/lenet}), printing the model
 * summary, one line per epoch and the result. Unlike the plugin it gates only when asked ({@code --min-accuracy},
 * {@code --baseline}): exit status 1 when a gate fails, 2 on any other error. Progress within an epoch is drawn only on
 * a terminal a person watches; TensorFlow's native log lines only with {@code --verbose} or when
 * {@code TF_CPP_MIN_LOG_LEVEL} is set by the user. Options: {@link #usage()}: each hyperparameter as
 * {@code --kebab-name VALUE} (a true/false one may stand alone for true), plus the options of the run. The child JVM
 * gets this JVM's options ({@code -Xmx}, {@code -D}). Without {@code --dataset}, MNIST comes from
 * {@code ~/.lenet/datasets}, fetched on first use.
 */
public final class TrainCommand {
    /** Options older than the specification, kept: {@code --schedule X}, {@code --raw}. */
    private static final String OTHER_OPTIONS = "[--schedule constant|step|cosine|oneCycle] [--raw]"
            + " [--device auto|cpu|gpu] [--reference] [--validation-size N] [--patience N] [--max-training-time D]"
            + " [--output DIR] " + GateOptions.USAGE + " [--force] [--memory] [--verbose] | --print-defaults | --help";

    static String usage() {
        return "[--dataset DIR_OR_ARCHIVE_OR_CSV] "
                + Hyperparameters.ALL.stream()
                        .map(h -> "[" + h.option() + " " + h.defaultText() + "]")
                        .collect(Collectors.joining(" "))
                + " " + OTHER_OPTIONS;
    }

    private TrainCommand() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out, System.getenv()));
        } catch (LeNetException e) {
            System.err.println((e.isVerdict() ? "failed: " : "error: ") + e.getMessage());
            System.exit(e.isVerdict() ? 1 : 2);
        }
    }

    /** The model artifact's name in the output directory; its ML-BOM and build record are named after it. */
    static final String ARTIFACT = "model.jar";

    /** The plugin's default splitSeed: class folders and CSV split as a build with default settings splits them. */
    static final long DEFAULT_SPLIT_SEED = 42;

    /** Parsed command line. */
    record Options(
            Path dataset,
            TrainingConfig config,
            Path output,
            GateOptions gates,
            boolean force,
            boolean memory,
            boolean verbose) {}

    static int run(String[] args, PrintStream out, Map<String, String> environment) {
        if (List.of(args).contains("--help")) {
            printHelp(out);
            return 0;
        }
        if (List.of(args).contains("--print-defaults")) {
            printDefaults(out);
            return 0;
        }
        Options options = parse(args);
        boolean showNativeLog = options.verbose() || environment.containsKey("TF_CPP_MIN_LOG_LEVEL");
        BuildLog log = new ConsoleLog(
                out, new TerminalProgress(TerminalProgress.watched() ? out : null), showNativeLog ? System.err : null);
        TrainGoal.Result result = TrainGoal.run(request(options), log);
        printResult(out, result, options);
        return 0;
    }

    /** The goal's request: the plugin's, with this JVM's options for the child and a directory of its own. */
    private static TrainGoal.Request request(Options options) {
        Path output = options.output().toAbsolutePath();
        return new TrainGoal.Request(
                options.dataset(),
                DatasetCache.defaultRoot(),
                DatasetCache.DEFAULT_SOURCES,
                options.config(),
                options.gates().gates(),
                output,
                output.resolve(ARTIFACT),
                OutputTimestamp.DEFAULT,
                childSettings(),
                options.force(),
                options.gates().baseline(),
                options.gates().checks(),
                null,
                null,
                DatasetOptions.defaults(DEFAULT_SPLIT_SEED));
    }

    /** The usage line, then each hyperparameter: its option, what it does and its default, from the specification. */
    static void printHelp(PrintStream out) {
        out.println("Usage: java dev.lenet.cli.TrainCommand " + usage());
        out.println("Hyperparameters (the plugin's parameters of the same names):");
        for (Hyperparameter<?> h : Hyperparameters.ALL) {
            out.println("  " + h.option() + " (default " + h.defaultText() + "): " + h.description());
        }
    }

    /** MNIST's training set: the defaults the benchmarks read are the ones a run on it gets. */
    private static final int MNIST_TRAIN_IMAGES = 60_000;

    /** The defaults the benchmarks read: epochs, batch, rate, schedule, warm-up, divisor, beta1, beta2. */
    private static void printDefaults(PrintStream out) {
        TrainingConfig d = TrainingLength.fit(TrainingConfig.defaults(), MNIST_TRAIN_IMAGES)
                .config();
        out.printf(
                Locale.ROOT,
                "%d %d %s %s %s %s %s %s%n",
                d.epochs(),
                d.batchSize(),
                d.learningRate(),
                d.learningRateSchedule().text(),
                d.warmupFraction(),
                d.finalDivisor(),
                d.beta1(),
                d.beta2());
    }

    private static void printResult(PrintStream out, TrainGoal.Result result, Options options) {
        RunReport report = result.report();
        if (report == null) {
            out.printf(
                    Locale.ROOT,
                    "Test accuracy %.4f (%d/%d), recorded by the up-to-date model %s (--force trains again)%n",
                    result.card().testAccuracy(),
                    result.card().testCorrect(),
                    result.card().testImages(),
                    result.artifact());
            return;
        }
        if (options.memory()) {
            for (EpochRecord epoch : report.epochs()) {
                out.printf(
                        Locale.ROOT, "memory epoch %d resident %d MiB%n", epoch.epoch(), epoch.residentBytes() >> 20);
            }
        }
        out.printf(
                Locale.ROOT,
                "Test accuracy %.4f (%d/%d) after %.1f s of training; model in %s%n",
                report.card().testAccuracy(),
                report.card().testCorrect(),
                report.card().testImages(),
                report.trainingSeconds(),
                result.artifact());
    }

    static Options parse(String[] args) {
        TrainingConfig.Builder config = TrainingConfig.defaults().toBuilder();
        Stopping stopping = Stopping.none();
        Path dataset = null;
        Path output = Path.of("target", "lenet");
        GateOptions gates = new GateOptions();
        boolean force = false;
        boolean memory = false;
        boolean verbose = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            switch (flag) {
                case "--dataset" -> dataset = Path.of(value(flag, rest));
                case "--output" -> output = Path.of(value(flag, rest));
                case "--reference" ->
                    config = TrainingConfig.reference().toBuilder()
                            .seed(config.build().seed());
                case "--schedule" -> config.learningRateSchedule(LearningRateSchedule.parse(value(flag, rest)));
                case "--raw" -> config.scaleInput(false);
                case "--device" -> config.device(Device.parse(value(flag, rest)));
                case "--validation-size" ->
                    stopping = new Stopping(
                            number(flag, rest, Integer::parseInt),
                            stopping.monitor(),
                            stopping.patience(),
                            stopping.minDelta(),
                            stopping.maxTrainingTime());
                case "--patience" ->
                    stopping = new Stopping(
                            stopping.validationSize(),
                            stopping.monitor(),
                            number(flag, rest, Integer::parseInt),
                            stopping.minDelta(),
                            stopping.maxTrainingTime());
                case "--max-training-time" ->
                    stopping = new Stopping(
                            stopping.validationSize(),
                            stopping.monitor(),
                            stopping.patience(),
                            stopping.minDelta(),
                            Stopping.parseDuration(value(flag, rest)));
                case "--force" -> force = true;
                case "--memory" -> memory = true;
                case "--verbose" -> verbose = true;
                default -> {
                    if (!gates.accept(flag, () -> value(flag, rest))) {
                        hyperparameter(flag, rest, config);
                    }
                }
            }
        }
        return new Options(dataset, config.stopping(stopping).build(), output, gates, force, memory, verbose);
    }

    /** The child JVM: this one's java, classpath and options (heap, system properties). */
    private static ChildJvm.Settings childSettings() {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> o.startsWith("-X") || o.startsWith("-D"))
                .toList();
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-Xmx"))) {
            jvmOptions = new ArrayList<>(jvmOptions);
            jvmOptions.add("-Xmx1g");
        }
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath())
                .toList();
        return new ChildJvm.Settings(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                classpath,
                jvmOptions,
                Map.of(),
                ChildJvm.classDataArchives());
    }

    /** {@code --name VALUE} for a hyperparameter; a true/false one alone means true ({@code --augment}). */
    private static void hyperparameter(String flag, List<String> rest, TrainingConfig.Builder config) {
        Hyperparameter<?> h = Hyperparameters.ALL.stream()
                .filter(candidate -> candidate.option().equals(flag))
                .findFirst()
                .orElseThrow(() -> new LeNetException("unknown option " + flag + ". Options: " + usage()));
        boolean flagAlone = h.defaultValue() instanceof Boolean
                && (rest.isEmpty() || rest.get(0).startsWith("--"));
        config.set(h.name(), flagAlone ? "true" : value(flag, rest));
    }

    private static String value(String flag, List<String> rest) {
        if (rest.isEmpty()) {
            throw new LeNetException(flag + " needs a value. Options: " + usage());
        }
        return rest.remove(0);
    }

    private static <T> T number(String flag, List<String> rest, Function<String, T> parse) {
        String text = value(flag, rest);
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(flag, text, "not a number", e);
        }
    }
}
