package dev.lenet.goal;

import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.data.DatasetOptions;
import dev.lenet.data.DatasetPreparation;
import dev.lenet.data.DatasetReader;
import dev.lenet.data.Sha256;
import dev.lenet.data.WebProxy;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.Gates;
import dev.lenet.evaluation.Verdict;
import dev.lenet.export.MlBom;
import dev.lenet.export.ModelCard;
import dev.lenet.export.ModelExport;
import dev.lenet.files.AtomicFiles;
import dev.lenet.fork.ChildJvm;
import dev.lenet.inference.NativePlatform;
import dev.lenet.inference.UnsupportedPlatformException;
import dev.lenet.log.BuildLog;
import dev.lenet.pipeline.Baseline;
import dev.lenet.pipeline.Execution;
import dev.lenet.pipeline.Job;
import dev.lenet.pipeline.RunReport;
import dev.lenet.training.Fingerprint;
import dev.lenet.training.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code lenet:train} does, free of Maven: find the data, train (in a child JVM unless told otherwise),
 * apply the gate, and package the model. The caller attaches the artifact.
 */
public final class TrainGoal {
    private static final String RECORDED = " (recorded by the up-to-date model)";

    private TrainGoal() {}

    /**
     * @param dataset a directory or archive; null uses the per-user cache filled from {@code datasetSources}
     * @param gates what the model must pass
     * @param fork how to start the child JVM; null trains in this JVM
     * @param checks what to measure beyond the test accuracy; its evaluation sets as given (prepared by the goal)
     */
    public record Request(
            Path dataset,
            Path datasetCache,
            List<String> datasetSources,
            TrainingConfig config,
            Gates gates,
            Path outputDirectory,
            Path artifact,
            Instant timestamp,
            ChildJvm.Settings fork,
            boolean force,
            Baseline baseline,
            Checks checks,
            MlBom.Coordinates coordinates,
            WebProxy proxy,
            DatasetOptions datasetOptions) {

        public Request {
            if (checks == null) {
                checks = Checks.none();
            }
            if (datasetOptions == null) {
                datasetOptions = DatasetOptions.defaults(config.seed());
            }
            if (coordinates == null) {
                coordinates = new MlBom.Coordinates("local", stem(artifact), "0", null);
            }
        }

        /** Without a baseline or a drop limit, and with local coordinates. */
        public Request(
                Path dataset,
                Path datasetCache,
                List<String> datasetSources,
                TrainingConfig config,
                double minAccuracy,
                Path outputDirectory,
                Path artifact,
                Instant timestamp,
                ChildJvm.Settings fork,
                boolean force) {
            this(
                    dataset,
                    datasetCache,
                    datasetSources,
                    config,
                    new Gates(minAccuracy, 1.0),
                    outputDirectory,
                    artifact,
                    timestamp,
                    fork,
                    force,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        /** Where the ML-BOM goes beside the artifact: its name with {@code -cyclonedx.json} for {@code .jar}. */
        public Path mlBom() {
            return artifact.resolveSibling(stem(artifact) + "-cyclonedx.json");
        }

        /** Where and how the model is exported. */
        public ModelExport.Target exportTarget() {
            return new ModelExport.Target(artifact, mlBom(), coordinates, timestamp);
        }

        /** The record of the build that made the artifact, beside it: its name with {@code -build.json}. */
        public Path buildRecord() {
            return artifact.resolveSibling(stem(artifact) + "-build.json");
        }

        /** The artifact's file name without {@code .jar}. */
        private static String stem(Path artifact) {
            String name = artifact.getFileName().toString();
            return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        }
    }

    /**
     * @param report the training run's report; null when the earlier model was up to date and nothing trained
     */
    public record Result(Path artifact, Path mlBom, ModelCard card, RunReport report, String gate) {
        public boolean trained() {
            return report != null;
        }
    }

    public static Result run(Request request, BuildLog log) {
        try (Execution execution = execution(request.fork(), request.outputDirectory())) {
            return run(request, execution, log);
        }
    }

    /** Runs the goal with its training done by {@code execution} (a test's stands in for TensorFlow). */
    static Result run(Request request, Execution execution, BuildLog log) {
        Gates gates = request.gates();
        createOutputDirectory(request.outputDirectory());
        if (willTrain(request)) {
            // the child JVM loads TensorFlow while the data is found and checked
            execution.startEarly(request.config().device(), log);
        }
        Path dataset = DatasetPreparation.resolve(
                request.dataset(),
                request.datasetOptions(),
                request.datasetCache(),
                request.datasetSources(),
                request.proxy(),
                log::info);
        log.info("Dataset: " + dataset);
        Checks checks = EvaluationSets.prepare(request.checks(), request.datasetOptions(), request.datasetCache(), log);
        Map<String, String> measured =
                EvaluationSets.describe(checks, request.datasetOptions().maxBytes());
        if (request.force()) {
            log.info("Training: forced (force is true)");
        } else {
            UpToDateCheck.Decision decision = UpToDateCheck.check(
                    request.artifact(),
                    request.buildRecord(),
                    () -> DatasetReader.identity(
                            dataset, request.datasetOptions().maxBytes()),
                    request.config(),
                    measured,
                    request.timestamp(),
                    request.baseline());
            if (decision.upToDate()) {
                return upToDate(request, decision, gates, log);
            }
            log.info("Training: " + String.join("; ", decision.changes()));
        }
        requireNativePlatform();
        forgetEarlierArtifact(request.artifact());
        forgetEarlierArtifact(request.mlBom());
        forgetEarlierArtifact(request.buildRecord());
        Path savedModel = request.outputDirectory().resolve("saved-model");
        long started = System.nanoTime();
        Reports.prepareInBackground();
        RunReport report = train(request, execution, dataset, savedModel, checks, gates, log);
        log.info("Training ended: " + report.card().stopping().stopReason());
        Reports.logChecks(report.card(), report.checkSeconds(), log);
        Verdict verdict = report.verdict();
        Reports.write(request.outputDirectory(), report, verdict, (System.nanoTime() - started) / 1e9, log);
        verdict.enforce("", log::info);
        writeBuildRecord(request, report.fingerprint(), measured, verdict);
        log.info("Model artifact: " + request.artifact());
        log.info("ML-BOM (CycloneDX 1.6): " + request.mlBom());
        return new Result(request.artifact(), request.mlBom(), report.card(), report, verdict.message());
    }

    private static Result upToDate(Request request, UpToDateCheck.Decision decision, Gates gates, BuildLog log) {
        log.info("LeNet model is up to date (same dataset SHA-256s, configuration, versions and timestamp): not"
                + " training. " + request.artifact());
        ModelCard card = decision.card();
        Verdict verdict =
                gates.judge(card.figures(), decision.record().verdict().baseline());
        verdict.enforce(RECORDED, log::info);
        ModelExport.restoreMlBom(request.exportTarget());
        return new Result(request.artifact(), request.mlBom(), card, null, verdict.message());
    }

    /** Written last: a build record exists only beside the artifact it describes. */
    private static void writeBuildRecord(
            Request request, Fingerprint fingerprint, Map<String, String> checks, Verdict verdict) {
        try {
            BuildRecord record = new BuildRecord(
                    BuildRecord.FORMAT,
                    Sha256.of(request.artifact()),
                    request.timestamp().toString(),
                    fingerprint,
                    checks,
                    verdict);
            AtomicFiles.write(request.buildRecord(), record::write);
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot write the build record " + request.buildRecord() + " (" + Causes.describe(e) + ")."
                            + " Check that the directory is writable and the disk has space",
                    e);
        }
    }

    private static void createOutputDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot create the output directory " + directory + " (" + Causes.describe(e) + "). Check that the"
                            + " directory is writable, or choose another outputDirectory",
                    e);
        }
    }

    /** A model from an earlier build must not be taken for this build's: the artifact exists only if this run passes. */
    private static void forgetEarlierArtifact(Path artifact) {
        try {
            Files.deleteIfExists(artifact);
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot remove the earlier model artifact " + artifact + " (" + Causes.describe(e) + ")."
                            + " Check that the output directory is writable",
                    e);
        }
    }

    private static RunReport train(
            Request request,
            Execution execution,
            Path dataset,
            Path savedModel,
            Checks checks,
            Gates gates,
            BuildLog log) {
        return execution.train(
                new Job.Train(
                        dataset,
                        request.config(),
                        savedModel,
                        Reports.freshTensorBoardDirectory(request.outputDirectory()),
                        request.outputDirectory().resolve("work").resolve("checkpoint"),
                        request.baseline(),
                        checks,
                        gates,
                        request.exportTarget(),
                        request.datasetOptions().maxBytes()),
                log);
    }

    /** The child JVM the request asks for, or this one. */
    static Execution execution(ChildJvm.Settings fork, Path outputDirectory) {
        return fork == null ? Execution.inThisJvm() : new ChildJvm(fork, outputDirectory.resolve("work"));
    }

    /**
     * True when this build trains unless its data is bad: forced, or without an earlier model and its record to be up
     * to date with, on a platform TensorFlow runs on.
     */
    static boolean willTrain(Request request) {
        if (!request.force() && Files.exists(request.artifact()) && Files.exists(request.buildRecord())) {
            return false;
        }
        try {
            NativePlatform.current();
            return true;
        } catch (UnsupportedPlatformException e) {
            return false;
        }
    }

    /** Stops before TensorFlow would fail to load, naming this platform and those TensorFlow Java supports. */
    static void requireNativePlatform() {
        try {
            NativePlatform.current();
        } catch (UnsupportedPlatformException e) {
            throw new LeNetException(e.getMessage(), e);
        }
    }
}
