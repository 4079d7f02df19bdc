package dev.lenet.run;

import dev.lenet.data.DatasetCache;
import dev.lenet.evaluation.AccuracyGate;
import dev.lenet.evaluation.AccuracyGateException;
import dev.lenet.export.ModelPackage;
import dev.lenet.report.Metrics;
import dev.lenet.training.TrainingConfig;
import dev.lenet.LeNetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@code lenet:train} does, free of Maven: find the data, train (in a child JVM unless told otherwise),
 * apply the gate, and package the model. The caller attaches the artifact.
 */
public final class ModelBuild {
    private ModelBuild() {}

    /**
     * @param dataset a directory or archive; null uses the per-user cache filled from {@code datasetSources}
     * @param fork how to start the training JVM; null trains in this JVM
     */
    public record Request(Path dataset, Path datasetCache, List<String> datasetSources, TrainingConfig config,
            double minAccuracy, Path outputDirectory, Path artifact, Instant timestamp,
            ForkedTraining.Settings fork) {}

    public record Result(Path artifact, RunReport report, String gate) {}

    public static Result run(Request request, BuildLog log) {
        AccuracyGate gate = new AccuracyGate(request.minAccuracy());
        forgetEarlierArtifact(request.artifact());
        Path dataset = request.dataset() != null ? request.dataset()
                : new DatasetCache(request.datasetCache(), request.datasetSources(), log::info).mnist();
        log.info("Dataset: " + dataset);
        Path savedModel = request.outputDirectory().resolve("saved-model");
        long started = System.nanoTime();
        RunReport report = train(request, dataset, savedModel, log);
        double accuracy = report.card().testAccuracy();
        var failure = gate.failure(accuracy);
        Metrics.Gate verdict = new Metrics.Gate(request.minAccuracy(), accuracy, failure.isEmpty(),
                failure.orElseGet(() -> gate.passed(accuracy)));
        Reports.write(request.outputDirectory(), report, verdict, (System.nanoTime() - started) / 1e9, log);
        if (failure.isPresent()) {
            throw new AccuracyGateException(failure.get(), accuracy, request.minAccuracy());
        }
        String passed = verdict.message();
        log.info(passed);
        ModelPackage.write(savedModel, request.artifact(), request.timestamp());
        log.info("Model artifact: " + request.artifact());
        return new Result(request.artifact(), report, passed);
    }

    /** A model from an earlier build must not be taken for this build's: the artifact exists only if this run passes. */
    private static void forgetEarlierArtifact(Path artifact) {
        try {
            Files.deleteIfExists(artifact);
        } catch (IOException e) {
            throw new LeNetException("cannot remove the earlier model artifact " + artifact + " (" + e + ")."
                    + " Check that the output directory is writable", e);
        }
    }

    private static RunReport train(Request request, Path dataset, Path savedModel, BuildLog log) {
        TrainingConfig config = request.config();
        Path tensorboard = Reports.freshTensorBoardDirectory(request.outputDirectory());
        if (request.fork() == null) {
            return RunReport.of(TrainingRun.execute(dataset, config, savedModel, tensorboard, new LoggingListener(log)));
        }
        return ForkedTraining.run(request.fork(), request.outputDirectory().resolve("work"), dataset, config,
                savedModel, tensorboard, log);
    }
}
