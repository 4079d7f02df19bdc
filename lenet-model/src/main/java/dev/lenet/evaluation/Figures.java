package dev.lenet.evaluation;

import java.util.List;

/**
 * What the gates judge a model by: its test accuracy overall and per class, its calibration, and, where the build
 * asked for them, its accuracy under each corruption and on each further evaluation set (empty lists otherwise).
 */
public record Figures(
        double testAccuracy,
        List<String> classes,
        double[] perClassAccuracy,
        Calibration calibration,
        List<Robustness.Result> robustness,
        List<SetResult> evaluationSets) {

    public Figures {
        robustness = robustness == null ? List.of() : List.copyOf(robustness);
        evaluationSets = evaluationSets == null ? List.of() : List.copyOf(evaluationSets);
    }

    /** Only an overall accuracy, as the accuracy and baseline gates need. */
    public static Figures ofAccuracy(double testAccuracy) {
        return new Figures(testAccuracy, List.of(), new double[0], null, List.of(), List.of());
    }
}
