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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

    /** How to start the child. {@code classpath} holds this module, its dependencies and one TensorFlow native. */
    /**
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
    private Started waiting;

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
                waiting = start(device, log);
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
            end(waiting);
            waiting = null;
        }
    }

    /** A running child JVM: its process, the class-data-sharing archive it uses or writes, its last error lines. */
    private record Started(
            Process process, Device device, ClassDataSharing sharing, Deque<String> lastErrors, Thread errors) {}

    private Started start(Device device, BuildLog log) throws IOException {
        Files.createDirectories(workDirectory);
        ClassDataSharing sharing = ClassDataSharing.of(
                settings.classDataArchives(),
                settings.java(),
                ChildCommand.selectNative(settings.classpath(), device),
                settings.jvmArguments());
        if (sharing != null && !sharing.prepare()) {
            sharing = null;
        }
        List<String> command = ChildCommand.of(settings, device, sharing);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile());
        defaultEnvironment().forEach(builder.environment()::putIfAbsent);
        builder.environment().putAll(settings.environment());
        log.debug("Forking the child JVM: " + String.join(" ", command));

        Process process = builder.start();
        Deque<String> lastErrors = new ArrayDeque<>();
        Thread errors = new Thread(
                () -> relay(process.getErrorStream(), line -> {
                    log.debug("[tensorflow] " + line);
                    synchronized (lastErrors) {
                        lastErrors.addLast(line);
                        if (lastErrors.size() > 20) {
                            lastErrors.removeFirst();
                        }
                    }
                }),
                "lenet-child-stderr");
        errors.setDaemon(true);
        errors.start();
        return new Started(process, device, sharing, lastErrors, errors);
    }

    /** The child started early for {@code device}, or a new one. */
    private Started take(Device device, BuildLog log) throws IOException {
        Started child = waiting;
        waiting = null;
        if (child != null && child.device() == device && child.process().isAlive()) {
            return child;
        }
        if (child != null) {
            end(child);
        }
        return start(device, log);
    }

    /** Closing its input ends a child that waits for a job (or works on one): it halts, and writes no archive. */
    private static void end(Started child) {
        try {
            child.process().getOutputStream().close();
        } catch (IOException e) {
            child.process().destroy();
        }
        Thread reaper = new Thread(
                () -> {
                    waitQuietly(child.process());
                    if (child.sharing() != null && child.sharing().creating()) {
                        child.sharing().complete(false);
                    }
                },
                "lenet-child-reaper");
        reaper.setDaemon(true);
        reaper.start();
    }

    /** The request's path as the child's first line of input; false when the child has already ended. */
    private static boolean send(Process process, Path requestFile) {
        try {
            OutputStream input = process.getOutputStream();
            input.write((requestFile.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
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

            Started child = take(device, log);
            Process process = child.process();
            ClassDataSharing sharing = child.sharing();
            boolean done = send(process, requestFile) && relayOutput(process, log);
            if (done && Files.exists(reportFile) && (sharing == null || !sharing.creating())) {
                // The report is whole and the child has closed its files and said all it had to say: it is ended
                // here rather than left to exit, since TensorFlow's teardown takes about 0.3 s of a core that the
                // rest of the build needs.
                process.destroyForcibly();
                return;
            }
            int exit = waitFor(process);
            child.errors().join(5_000);
            if (sharing != null && sharing.creating()) {
                sharing.complete(exit == 0);
            }
            if (exit == 0 && Files.exists(reportFile)) {
                return;
            }
            String tail;
            synchronized (child.lastErrors()) {
                tail = String.join("\n  ", child.lastErrors());
            }
            throw failure(exit, errorFile, tail);
        } catch (IOException e) {
            throw new LeNetException("cannot run the child JVM in " + workDirectory + ": " + Causes.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeNetException("interrupted while training", e);
        }
    }

    /** The child's output into the log, up to its end or its {@link ProtocolLog#DONE}: true for the latter. */
    private static boolean relayOutput(Process process, BuildLog log) {
        boolean[] done = {false};
        relay(process.getInputStream(), line -> {
            if (line.equals(ProtocolLog.DONE)) {
                done[0] = true;
            } else if (line.startsWith(ProtocolLog.PROGRESS_PREFIX)) {
                log.progress(line.substring(ProtocolLog.PROGRESS_PREFIX.length()));
            } else {
                log.info(line);
            }
        });
        return done[0];
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

    private static int waitFor(Process process) throws InterruptedException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static void waitQuietly(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes each line on, up to the end of the stream or the child's {@link ProtocolLog#DONE}. */
    private static void relay(InputStream stream, java.util.function.Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                sink.accept(line);
                if (line.equals(ProtocolLog.DONE)) {
                    return;
                }
            }
        } catch (IOException e) {
            sink.accept("(output of the child JVM lost: " + Causes.describe(e) + ")");
        }
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
