package dev.lenet.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Fails a model whose test accuracy under any {@link Corruption} is below {@code minRobustAccuracy}. */
public record RobustnessGate(double minRobustAccuracy) {

    public RobustnessGate {
        Gates.requireFraction("minRobustAccuracy", minRobustAccuracy);
    }

    public boolean configured() {
        return minRobustAccuracy > 0;
    }

    public Optional<String> failure(List<Robustness.Result> results) {
        List<String> below = new ArrayList<>();
        for (Robustness.Result r : results) {
            if (r.accuracy() < minRobustAccuracy) {
                below.add(String.format(Locale.ROOT, "%s %.4f", r.corruption(), r.accuracy()));
            }
        }
        return below.isEmpty()
                ? Optional.empty()
                : Optional.of(String.format(
                        Locale.ROOT,
                        "LeNet test accuracy under %s is below the minimum %.4f",
                        String.join(", ", below),
                        minRobustAccuracy));
    }

    public String passed(List<Robustness.Result> results) {
        Robustness.Result lowest = results.stream()
                .min((a, b) -> Double.compare(a.accuracy(), b.accuracy()))
                .orElseThrow();
        return String.format(
                Locale.ROOT,
                "LeNet test accuracy under every corruption meets the minimum %.4f (lowest: %s %.4f)",
                minRobustAccuracy,
                lowest.corruption(),
                lowest.accuracy());
    }
}
