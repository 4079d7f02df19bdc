package dev.lenet.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The accuracy gate and, when there is a baseline, the regression gate, judged together. */
public record Gates(AccuracyGate accuracy, BaselineGate regression) {

    /** Both gates' answers for one model. */
    public record Verdict(
            double testAccuracy,
            double minAccuracy,
            Optional<String> accuracyFailure,
            Optional<String> baselineFailure,
            List<String> passes) {

        public boolean passed() {
            return accuracyFailure.isEmpty() && baselineFailure.isEmpty();
        }

        /** Every gate's sentence, failures and passes, joined. */
        public String message() {
            List<String> all = new ArrayList<>();
            accuracyFailure.ifPresent(all::add);
            baselineFailure.ifPresent(all::add);
            all.addAll(passes);
            return String.join("; ", all);
        }

        /** Throws the first failure, its message followed by {@code suffix}. */
        public void enforce(String suffix) {
            if (accuracyFailure.isPresent()) {
                throw new AccuracyGateException(accuracyFailure.get() + suffix, testAccuracy, minAccuracy);
            }
            if (baselineFailure.isPresent()) {
                throw new BaselineGateException(baselineFailure.get() + suffix);
            }
        }
    }

    public Gates(double minAccuracy, double maxAccuracyDrop) {
        this(new AccuracyGate(minAccuracy), new BaselineGate(maxAccuracyDrop));
    }

    /** @param baseline the baseline's figures on the same test set, or null */
    public Verdict judge(double testAccuracy, BaselineResult baseline) {
        Optional<String> tooLow = accuracy.failure(testAccuracy);
        Optional<String> worse = baseline == null
                ? Optional.empty()
                : regression.failure(testAccuracy, baseline.testAccuracy(), baseline.model());
        List<String> passes = new ArrayList<>();
        if (tooLow.isEmpty()) {
            passes.add(accuracy.passed(testAccuracy));
        }
        if (baseline != null && worse.isEmpty()) {
            passes.add(regression.passed(testAccuracy, baseline.testAccuracy(), baseline.model()));
        }
        return new Verdict(testAccuracy, accuracy.minAccuracy(), tooLow, worse, List.copyOf(passes));
    }
}
