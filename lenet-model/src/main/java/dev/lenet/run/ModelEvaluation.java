package dev.lenet.run;

import dev.lenet.LeNetException;
import dev.lenet.data.DatasetCache;
import dev.lenet.evaluation.AccuracyGate;
import dev.lenet.evaluation.AccuracyGateException;
import dev.lenet.evaluation.BaselineGate;
import dev.lenet.evaluation.BaselineGateException;
import dev.lenet.evaluation.BaselineResult;
import dev.lenet.export.AtomicFiles;
import dev.lenet.export.ModelCard;
import dev.lenet.report.Metrics;
import dev.lenet.training.DeviceChoice;
import dev.lenet.training.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code lenet:evaluate} does, free of Maven: evaluate an existing model (trained here or elsewhere) on a
 * dataset's test set, with the same gates as training and the same metrics file.
 */
public final class ModelEvaluation {
    private ModelEvaluation() {}

    /**
     * @param model a SavedModel directory or a packaged model artifact
     * @param modelName how messages name it (coordinates or path)
     * @param fork how to start the evaluating JVM; null evaluates in this JVM
     */
    public record Request(Path model, String modelName, Path dataset, Path datasetCache, List<String> datasetSources,
            double minAccuracy, Baseline baseline, double maxAccuracyDrop, Path outputDirectory,
            ForkedTraining.Settings fork) {}

    public static ModelCard run(Request request, BuildLog log) {
        AccuracyGate gate = new AccuracyGate(request.minAccuracy());
        BaselineGate baselineGate = new BaselineGate(request.maxAccuracyDrop());
        if (!Files.exists(request.model())) {
            throw new LeNetException(request.model() + ": no such model. Give a SavedModel directory or a model artifact"
                    + " (.jar) that lenet:train attached");
        }
        Path dataset = request.dataset() != null ? request.dataset()
                : new DatasetCache(request.datasetCache(), request.datasetSources(), log::info).mnist();
        log.info("Evaluating " + request.modelName() + " on " + dataset);
        long started = System.nanoTime();
        ModelCard card = request.fork() == null
                ? EvaluationRun.execute(dataset, request.model(), request.baseline()).card()
                : ForkedTraining.evaluate(request.fork(), request.outputDirectory().resolve("work"), dataset,
                        request.model(), request.baseline(), Device.CPU, log).card();
        double accuracy = card.testAccuracy();
        Optional<String> failure = gate.failure(accuracy);
        BaselineResult baseline = card.baseline();
        Optional<String> baselineFailure = baseline == null ? Optional.empty()
                : baselineGate.failure(accuracy, baseline.testAccuracy(), baseline.model());
        String message = failure.orElseGet(() -> gate.passed(accuracy)) + (baseline == null ? ""
                : "; " + baselineFailure.orElseGet(() -> baselineGate.passed(accuracy, baseline.testAccuracy(), baseline.model())));
        double seconds = (System.nanoTime() - started) / 1e9;
        writeMetrics(request.outputDirectory(), new Metrics(Metrics.FORMAT,
                new Metrics.Gate(request.minAccuracy(), accuracy, failure.isEmpty() && baselineFailure.isEmpty(), message),
                new DeviceChoice(false, "evaluation runs on the CPU"), new Metrics.Timings(0, 0, seconds), List.of(), card),
                log);
        if (failure.isPresent()) {
            throw new AccuracyGateException(failure.get(), accuracy, request.minAccuracy());
        }
        if (baselineFailure.isPresent()) {
            throw new BaselineGateException(baselineFailure.get());
        }
        log.info(gate.passed(accuracy));
        if (baseline != null) {
            log.info(baselineGate.passed(accuracy, baseline.testAccuracy(), baseline.model()));
        }
        return card;
    }

    private static void writeMetrics(Path directory, Metrics metrics, BuildLog log) {
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "." + Reports.METRICS, ".partial");
            metrics.write(partial);
            AtomicFiles.replaceFile(partial, directory.resolve(Reports.METRICS));
        } catch (IOException e) {
            throw new LeNetException("cannot write the metrics to " + directory + " (" + e + ")", e);
        }
        log.info("Metrics: " + directory.resolve(Reports.METRICS));
    }
}
