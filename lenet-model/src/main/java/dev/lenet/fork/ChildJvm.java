package dev.lenet.fork;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lenet.InvalidParameterException;
import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.data.InvalidDatasetException;
import dev.lenet.evaluation.Checks;
import dev.lenet.export.ModelExport;
import dev.lenet.log.BuildLog;
import dev.lenet.pipeline.Baseline;
import dev.lenet.pipeline.EvaluationPipeline;
import dev.lenet.pipeline.Execution;
import dev.lenet.pipeline.Job;
import dev.lenet.pipeline.RunReport;
import dev.lenet.training.Device;
import dev.lenet.training.TrainingDivergedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains (or evaluates) in a child JVM, as Surefire runs tests. TensorFlow reads {@code TF_ENABLE_ONEDNN_OPTS} (twice
 * the speed on these CPUs) and {@code TF_CPP_MIN_LOG_LEVEL} from the process environment when its native library
 * loads, which a running Maven JVM cannot change for itself; a child also keeps native memory and the native
 * library's one-per-process loading out of the build's JVM.
 */
public final class ChildJvm implements Execution {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    static final int EXIT_REPORTED_ERROR = 2;
    static final int EXIT_PARENT_GONE = 3;

    /**
     * How to start the child. {@code classpath} holds this module, its dependencies and one TensorFlow native.
     *
     * @param classDataArchives where the child JVM's class-data-sharing archives are kept ({@link ClassDataSharing});
     *     null starts it without one
     */
    public record Settings(
            Path java,
            List<Path> classpath,
            List<String> jvmArguments,
            Map<String, String> environment,
            Path classDataArchives) {
        public Settings(Path java, List<Path> classpath, List<String> jvmArguments, Map<String, String> environment) {
            this(java, classpath, jvmArguments, environment, null);
        }
    }

    /** The per-user directory of the child JVM's class-data-sharing archives: {@code ~/.lenet/cds}. */
    public static Path classDataArchives() {
        return Path.of(System.getProperty("user.home"), ".lenet", "cds");
    }

    /** What the child is asked to do, and where it writes its report or, failing, its error. */
    record Request(Job job, String report, String error) {}

    /**
     * An error the child reports for the parent to rethrow as the same kind; {@code causes} describes its cause chain,
     * which cannot cross the process boundary as objects.
     */
    record ReportedError(
            String kind, String parameter, String value, String input, String message, List<String> causes) {}

    /** What caused an error in the child JVM, as text: the exceptions themselves stayed there. */
    static final class ChildJvmCause extends LeNetException {
        ChildJvmCause(List<String> causes) {
            super("in the child JVM: " + String.join("; caused by ", causes));
        }
    }

    private static List<String> causes(Throwable e) {
        List<String> chain = new ArrayList<>();
        for (Throwable c = e.getCause(); c != null && chain.size() < 10; c = c.getCause()) {
            chain.add(Causes.describe(c));
        }
        return chain;
    }

    /** The environment every child gets unless the user set the variable: fast oneDNN kernels, no native info logs. */
    public static Map<String, String> defaultEnvironment() {
        return Map.of("TF_ENABLE_ONEDNN_OPTS", "1", "TF_CPP_MIN_LOG_LEVEL", "2");
    }

    private final Settings settings;
    private final Path workDirectory;
    private ChildProcess waiting;

    /** @param workDirectory where the request, the report and the error go; the training state too */
    public ChildJvm(Settings settings, Path workDirectory) {
        this.settings = settings;
        this.workDirectory = workDirectory;
    }

    @Override
    public RunReport train(Job.Train job, BuildLog log) {
        Path report = workDirectory.resolve("report.json");
        fork(job.config().device(), log, new Request(absolute(job), report.toString(), errorFile()));
        return RunReport.read(report);
    }

    /** Evaluation runs on the CPU: a few thousand images, not worth a GPU's start. */
    @Override
    public EvaluationPipeline.Report evaluate(Job.Evaluate job, BuildLog log) {
        Path report = workDirectory.resolve("evaluation.json");
        fork(Device.CPU, log, new Request(absolute(job), report.toString(), errorFile()));
        return EvaluationPipeline.Report.read(report);
    }

    private String errorFile() {
        return workDirectory.resolve("error.json").toString();
    }

    /** The job with absolute paths: the child runs in the work directory. */
    private static Job absolute(Job job) {
        if (job instanceof Job.Train t) {
            return new Job.Train(
                    absolute(t.dataset()),
                    t.config(),
                    absolute(t.savedModel()),
                    absolute(t.tensorboard()),
                    absolute(t.checkpoints()),
                    absolute(t.baseline()),
                    absolute(t.checks()),
                    t.gates(),
                    new ModelExport.Target(
                            absolute(t.export().artifact()),
                            absolute(t.export().mlBom()),
                            t.export().coordinates(),
                            t.export().timestamp()),
                    t.maxDatasetBytes());
        }
        Job.Evaluate e = (Job.Evaluate) job;
        return new Job.Evaluate(
                absolute(e.dataset()),
                absolute(e.model()),
                absolute(e.baseline()),
                absolute(e.checks()),
                e.maxDatasetBytes());
    }

    private static Checks absolute(Checks checks) {
        return new Checks(
                checks.robustness(),
                checks.robustnessSeed(),
                checks.evaluationSets().stream()
                        .map(set -> new Checks.EvaluationSet(set.name(), absolute(set.dataset())))
                        .toList());
    }

    private static Baseline absolute(Baseline baseline) {
        return baseline == null ? null : new Baseline(baseline.name(), absolute(baseline.artifact()));
    }

    private static Path absolute(Path path) {
        return path == null ? null : path.toAbsolutePath();
    }

    /**
     * Starts the child JVM for {@code device} before its job is known: it loads TensorFlow's native library while the
     * build prepares and decides whether to train. The next job for that device takes it; {@link #close()} ends it
     * unused. A child that cannot start here is started again, and its error reported, when a job needs it.
     */
    @Override
    public void startEarly(Device device, BuildLog log) {
        if (waiting == null) {
            Thread preparing = new Thread(ChildJvm::prepareWriting, "lenet-request-prepare");
            preparing.setDaemon(true);
            preparing.start();
            try {
                waiting = ChildProcess.start(settings, workDirectory, device, log);
            } catch (IOException e) {
                log.debug("The child JVM could not start ahead of its job: " + Causes.describe(e));
            }
        }
    }

    /** Builds the request's JSON writers ahead: cold, they took 0.1 s between the decision and the child's start. */
    private static void prepareWriting() {
        JSON.writerFor(Request.class);
        JSON.writerFor(Job.Train.class);
    }

    /** Ends a child started early and never given a job. */
    @Override
    public void close() {
        if (waiting != null) {
            waiting.end();
            waiting = null;
        }
    }

    /** The child started early for {@code device}, or a new one. */
    private ChildProcess take(Device device, BuildLog log) throws IOException {
        ChildProcess child = waiting;
        waiting = null;
        if (child != null && child.device() == device && child.alive()) {
            return child;
        }
        if (child != null) {
            child.end();
        }
        return ChildProcess.start(settings, workDirectory, device, log);
    }

    private void fork(Device device, BuildLog log, Request request) {
        try {
            Files.createDirectories(workDirectory);
            Path requestFile = workDirectory.resolve("request.json");
            Path reportFile = Path.of(request.report());
            Path errorFile = Path.of(request.error());
            Files.deleteIfExists(reportFile);
            Files.deleteIfExists(errorFile);
            JSON.writeValue(requestFile.toFile(), request);

            ChildProcess child = take(device, log);
            boolean done = child.send(requestFile) && child.relayOutput(log);
            if (done && Files.exists(reportFile) && !child.writesArchive()) {
                child.endDone();
                return;
            }
            int exit = child.waitFor();
            if (exit == 0 && Files.exists(reportFile)) {
                return;
            }
            throw failure(exit, errorFile, child.lastErrors());
        } catch (IOException e) {
            throw new LeNetException("cannot run the child JVM in " + workDirectory + ": " + Causes.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeNetException("interrupted while training", e);
        }
    }

    /**
     * Why the child ended without a result: its own report when it wrote one that can be read; else its exit code and
     * last error lines (and why a report it began could not be read, as when the disk filled up).
     */
    static LeNetException failure(int exit, Path errorFile, String lastErrorLines) {
        String unreadable = "";
        Exception cause = null;
        if (Files.exists(errorFile)) {
            try {
                return rethrow(JSON.readValue(errorFile.toFile(), ReportedError.class));
            } catch (IOException e) {
                unreadable = "; its error report " + errorFile + " cannot be read (" + Causes.describe(e) + ")";
                cause = e;
            }
        }
        return new LeNetException(
                "the child JVM exited with code " + exit + " without a result" + unreadable + ". Its last error"
                        + " lines:\n  " + lastErrorLines
                        + "\nFor the whole native log run Maven with -X (or the command line with --verbose); if it ran"
                        + " out of memory, raise the heap with jvmArgs; if the disk is full, free space",
                cause);
    }

    static ReportedError describe(RuntimeException e) {
        if (e instanceof InvalidParameterException p) {
            return new ReportedError("parameter", p.parameter(), p.value(), null, p.problem(), causes(e));
        }
        if (e instanceof InvalidDatasetException d) {
            return new ReportedError("dataset", null, null, d.input(), d.getMessage(), causes(e));
        }
        if (e instanceof TrainingDivergedException) {
            return new ReportedError("diverged", null, null, null, e.getMessage(), causes(e));
        }
        return new ReportedError(
                "other", null, null, null, e.getMessage() == null ? Causes.describe(e) : e.getMessage(), causes(e));
    }

    private static LeNetException rethrow(ReportedError error) {
        Throwable cause = error.causes() == null || error.causes().isEmpty() ? null : new ChildJvmCause(error.causes());
        return switch (error.kind()) {
            case "parameter" -> new InvalidParameterException(error.parameter(), error.value(), error.message(), cause);
            case "dataset" -> InvalidDatasetException.withMessage(error.input(), error.message(), cause);
            case "diverged" -> new TrainingDivergedException(error.message());
            default -> new LeNetException(error.message(), cause);
        };
    }
}
