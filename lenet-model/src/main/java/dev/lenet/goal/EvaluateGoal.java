package dev.lenet.goal;

import dev.lenet.LeNetException;
import dev.lenet.data.DatasetOptions;
import dev.lenet.data.DatasetPreparation;
import dev.lenet.data.WebProxy;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.Gates;
import dev.lenet.evaluation.Verdict;
import dev.lenet.export.ModelCard;
import dev.lenet.fork.ChildJvm;
import dev.lenet.log.BuildLog;
import dev.lenet.pipeline.Baseline;
import dev.lenet.pipeline.EvaluationPipeline;
import dev.lenet.pipeline.Execution;
import dev.lenet.pipeline.Job;
import dev.lenet.report.Metrics;
import dev.lenet.training.DeviceChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code lenet:evaluate} does, free of Maven: evaluate an existing model (trained here or elsewhere) on a
 * dataset's test set, with the same gates as training and the same metrics file.
 */
public final class EvaluateGoal {
    private EvaluateGoal() {}

    /**
     * @param model a SavedModel directory or a packaged model artifact
     * @param modelName how messages name it (coordinates or path)
     * @param gates what the model must pass, as lenet:train judges it
     * @param checks what to measure beyond the test accuracy; its evaluation sets as given (prepared by the goal)
     * @param fork how to start the evaluating JVM; null evaluates in this JVM
     */
    public record Request(
            Path model,
            String modelName,
            Path dataset,
            Path datasetCache,
            List<String> datasetSources,
            Gates gates,
            Baseline baseline,
            Checks checks,
            Path outputDirectory,
            ChildJvm.Settings fork,
            WebProxy proxy,
            DatasetOptions datasetOptions) {

        public Request {
            if (checks == null) {
                checks = Checks.none();
            }
        }
    }

    public static ModelCard run(Request request, BuildLog log) {
        try (Execution execution = TrainGoal.execution(request.fork(), request.outputDirectory())) {
            return run(request, execution, log);
        }
    }

    /** Runs the goal with its evaluation done by {@code execution} (a test's stands in for TensorFlow). */
    static ModelCard run(Request request, Execution execution, BuildLog log) {
        Gates gates = request.gates();
        if (!Files.exists(request.model())) {
            throw new LeNetException(
                    request.model() + ": no such model. Give a SavedModel directory or a model artifact"
                            + " (.jar) that lenet:train attached");
        }
        TrainGoal.requireNativePlatform();
        Path dataset = DatasetPreparation.resolve(
                request.dataset(),
                request.datasetOptions(),
                request.datasetCache(),
                request.datasetSources(),
                request.proxy(),
                log::info);
        log.info("Evaluating " + request.modelName() + " on " + dataset);
        Checks checks = EvaluationSets.prepare(request.checks(), request.datasetOptions(), request.datasetCache(), log);
        long started = System.nanoTime();
        EvaluationPipeline.Report report = execution.evaluate(
                new Job.Evaluate(
                        dataset,
                        request.model(),
                        request.baseline(),
                        checks,
                        request.datasetOptions().maxBytes()),
                log);
        ModelCard card = report.card();
        Reports.logChecks(card, report.checkSeconds(), log);
        Verdict verdict = gates.judge(card.figures(), report.baseline());
        double seconds = (System.nanoTime() - started) / 1e9;
        Reports.writeMetrics(
                request.outputDirectory(),
                new Metrics(
                        Metrics.FORMAT,
                        verdict,
                        new DeviceChoice(false, "evaluation runs on the CPU"),
                        new Metrics.Timings(0, 0, seconds, report.checkSeconds()),
                        List.of(),
                        card),
                log);
        verdict.enforce("", log::info);
        return card;
    }
}
