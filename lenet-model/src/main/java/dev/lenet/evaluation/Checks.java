package dev.lenet.evaluation;

import dev.lenet.LeNetException;
import dev.lenet.data.Dataset;
import dev.lenet.data.DatasetBudget;
import dev.lenet.data.DatasetReader;
import dev.lenet.data.LabeledImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a build measures beyond the test accuracy: the calibration (always: it costs nothing more than the test
 * predictions), the test set under each corruption when asked, and each further evaluation set it names.
 *
 * @param robustness whether to evaluate the test set under each {@link Corruption}
 * @param robustnessSeed fixes every corrupted image
 * @param evaluationSets the further sets, each prepared as an IDX directory
 */
public record Checks(boolean robustness, long robustnessSeed, List<EvaluationSet> evaluationSets) {

    /** A further set to evaluate: its name in the build and its prepared IDX directory. */
    public record EvaluationSet(String name, Path dataset) {}

    public Checks {
        evaluationSets = evaluationSets == null ? List.of() : List.copyOf(evaluationSets);
    }

    /**
     * The checks a build asks for: robustness when asked, or when a floor on it ({@code minRobustAccuracy} above 0)
     * needs its figures.
     */
    public static Checks asked(
            boolean robustness, double minRobustAccuracy, long robustnessSeed, List<EvaluationSet> evaluationSets) {
        return new Checks(robustness || minRobustAccuracy > 0, robustnessSeed, evaluationSets);
    }

    public static Checks none() {
        return new Checks(false, 0, List.of());
    }

    /** The figures of these checks for a model ({@code model} predicts a set) whose test predictions are given. */
    public Measured measure(
            List<String> classes,
            LabeledImages test,
            Predictions onTest,
            Function<LabeledImages, Predictions> model,
            DatasetBudget budget) {
        Calibration calibration = Calibration.of(onTest, test.labels());
        long started = System.nanoTime();
        List<Robustness.Result> corrupted = robustness ? Robustness.evaluate(test, model, robustnessSeed) : List.of();
        double robustnessSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        List<SetResult> sets = new ArrayList<>();
        for (EvaluationSet set : evaluationSets) {
            Dataset data = DatasetReader.read(set.dataset(), budget);
            if (!data.classes().equals(classes)) {
                throw new LeNetException(
                        "the evaluation set " + set.name() + " (" + set.dataset() + ") has the classes "
                                + data.classes() + ", but the model classifies " + classes
                                + ". Give an evaluation set with the model's classes, in the same order");
            }
            Evaluation train = model.apply(data.train()).evaluation();
            Evaluation tested = model.apply(data.test()).evaluation();
            sets.add(SetResult.of(set.name(), set.dataset().toString(), sum(train, tested)));
        }
        return new Measured(
                calibration, corrupted, sets, new Seconds(robustnessSeconds, (System.nanoTime() - started) / 1e9));
    }

    /** The figures the checks measured, and what they cost. */
    public record Measured(
            Calibration calibration, List<Robustness.Result> robustness, List<SetResult> sets, Seconds seconds) {}

    /** How long the robustness evaluation and the evaluation sets took (0 when not asked for). */
    public record Seconds(double robustness, double evaluationSets) {}

    private static Evaluation sum(Evaluation a, Evaluation b) {
        long[][] confusion = new long[a.classes()][a.classes()];
        for (int r = 0; r < a.classes(); r++) {
            for (int c = 0; c < a.classes(); c++) {
                confusion[r][c] = a.confusion()[r][c] + b.confusion()[r][c];
            }
        }
        return new Evaluation(confusion);
    }
}
