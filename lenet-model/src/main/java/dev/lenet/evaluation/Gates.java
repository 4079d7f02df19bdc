package dev.lenet.evaluation;

import java.util.ArrayList;
import java.util.List;

/** The accuracy gate and, when there is a baseline, the regression gate: the one place a model is judged. */
public record Gates(AccuracyGate accuracy, BaselineGate regression) {

    public Gates(double minAccuracy, double maxAccuracyDrop) {
        this(new AccuracyGate(minAccuracy), new BaselineGate(maxAccuracyDrop));
    }

    /** @param baseline the baseline's figures on the same test set, or null */
    public Verdict judge(double testAccuracy, BaselineResult baseline) {
        String tooLow = accuracy.failure(testAccuracy).orElse(null);
        String worse = baseline == null
                ? null
                : regression
                        .failure(testAccuracy, baseline.testAccuracy(), baseline.model())
                        .orElse(null);
        List<String> passes = new ArrayList<>();
        if (tooLow == null) {
            passes.add(accuracy.passed(testAccuracy));
        }
        if (baseline != null && worse == null) {
            passes.add(regression.passed(testAccuracy, baseline.testAccuracy(), baseline.model()));
        }
        return new Verdict(
                testAccuracy,
                accuracy.minAccuracy(),
                regression.maxAccuracyDrop(),
                baseline,
                tooLow,
                worse,
                List.copyOf(passes));
    }
}
