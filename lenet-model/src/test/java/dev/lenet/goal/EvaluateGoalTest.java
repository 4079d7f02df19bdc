package dev.lenet.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.LeNetException;
import dev.lenet.contract.CardSummary;
import dev.lenet.data.DatasetOptions;
import dev.lenet.data.SyntheticDigits;
import dev.lenet.evaluation.AccuracyGateException;
import dev.lenet.evaluation.BaselineGateException;
import dev.lenet.evaluation.BaselineResult;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.Gates;
import dev.lenet.export.ModelCard;
import dev.lenet.log.BuildLog;
import dev.lenet.log.ListLog;
import dev.lenet.pipeline.Baseline;
import dev.lenet.pipeline.EvaluationPipeline;
import dev.lenet.pipeline.Execution;
import dev.lenet.pipeline.Job;
import dev.lenet.pipeline.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lenet:evaluate's goal with its evaluation stood in for: the gates, the metrics and the job, without TensorFlow. */
class EvaluateGoalTest {
    @TempDir
    Path temp;

    private Path model;
    private Path dataset;
    private final List<String> lines = new ArrayList<>();

    @BeforeEach
    void files() throws IOException {
        model = Files.writeString(temp.resolve("model.jar"), "stands for a model artifact");
        dataset = temp.resolve("digits");
        SyntheticDigits.writeDataset(dataset, 40, 20, 7, false);
    }

    /** An execution that answers with a card of the given figures, and keeps the job it was given. */
    private static final class FakeExecution implements Execution {
        private final double accuracy;
        private final BaselineResult baseline;
        Job.Evaluate job;

        FakeExecution(double accuracy, BaselineResult baseline) {
            this.accuracy = accuracy;
            this.baseline = baseline;
        }

        @Override
        public RunReport train(Job.Train job, BuildLog log) {
            throw new AssertionError("the evaluate goal trains nothing");
        }

        @Override
        public EvaluationPipeline.Report evaluate(Job.Evaluate job, BuildLog log) {
            this.job = job;
            return new EvaluationPipeline.Report(card(accuracy), baseline, new Checks.Seconds(0, 0));
        }
    }

    private static ModelCard card(double accuracy) {
        return new ModelCard(
                CardSummary.FORMAT,
                "LeNet-5",
                61706,
                List.of("0", "1"),
                accuracy,
                Math.round(accuracy * 1000),
                1000,
                4000,
                new double[] {accuracy, accuracy},
                new long[][] {{1, 0}, {0, 1}},
                Map.of(),
                List.of(),
                null,
                null,
                "cpu",
                "2.18.0",
                "1.0.0",
                null,
                null,
                List.of(),
                List.of(),
                null);
    }

    private EvaluateGoal.Request request(double minAccuracy, Baseline baseline, double maxAccuracyDrop) {
        return new EvaluateGoal.Request(
                model,
                "the model",
                dataset,
                temp.resolve("cache"),
                List.of(),
                new Gates(minAccuracy, maxAccuracyDrop),
                baseline,
                Checks.none(),
                temp.resolve("out"),
                null,
                null,
                DatasetOptions.defaults(42));
    }

    @Test
    void aModelAboveTheMinimumPassesAndItsMetricsAreWritten() throws IOException {
        FakeExecution execution = new FakeExecution(0.99, null);
        ModelCard card = EvaluateGoal.run(request(0.98, null, 0.01), execution, new ListLog(lines));
        assertEquals(0.99, card.testAccuracy());
        assertEquals(model, execution.job.model());
        assertEquals(null, execution.job.baseline());
        assertTrue(lines.contains("LeNet test accuracy 0.9900 meets the minimum 0.9800"), String.valueOf(lines));
        String metrics = Files.readString(temp.resolve("out").resolve(Reports.METRICS));
        assertTrue(metrics.contains("\"passed\" : true"), metrics);
    }

    @Test
    void aModelBelowTheMinimumFailsTheBuildAfterItsMetricsAreWritten() throws IOException {
        AccuracyGateException e = assertThrows(
                AccuracyGateException.class,
                () -> EvaluateGoal.run(request(0.98, null, 0.01), new FakeExecution(0.95, null), new ListLog(lines)));
        assertEquals("LeNet test accuracy 0.9500 is below the minimum 0.9800", e.getMessage());
        String metrics = Files.readString(temp.resolve("out").resolve(Reports.METRICS));
        assertTrue(metrics.contains("\"passed\" : false"), metrics);
    }

    @Test
    void aDropFromTheBaselineBeyondTheAllowedFailsWithTheBaselinesName() {
        Baseline baseline = new Baseline("com.example:digits-model:1.0", model);
        BaselineResult released =
                new BaselineResult("com.example:digits-model:1.0", "abc", 0.995, 995, 1000, new double[] {0.99, 1.0});
        FakeExecution execution = new FakeExecution(0.985, released);
        BaselineGateException e = assertThrows(
                BaselineGateException.class,
                () -> EvaluateGoal.run(request(0.98, baseline, 0.005), execution, new ListLog(lines)));
        assertTrue(e.getMessage().contains("com.example:digits-model:1.0"), e.getMessage());
        assertEquals(baseline, execution.job.baseline());
    }

    @Test
    void aMissingModelIsNamedBeforeAnythingRuns() {
        FakeExecution execution = new FakeExecution(0.99, null);
        model = temp.resolve("nowhere.jar");
        LeNetException e = assertThrows(
                LeNetException.class, () -> EvaluateGoal.run(request(0.98, null, 0.01), execution, new ListLog(lines)));
        assertEquals(
                model + ": no such model. Give a SavedModel directory or a model artifact (.jar) that lenet:train"
                        + " attached",
                e.getMessage());
        assertEquals(null, execution.job, "nothing was evaluated");
    }
}
