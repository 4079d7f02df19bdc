package dev.lenet.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fails a model with a class whose test accuracy fell from the baseline's by more than {@code maxClassAccuracyDrop},
 * whatever the overall figure did. One message names every such class with both figures.
 */
public record ClassDropGate(double maxClassAccuracyDrop) {

    public ClassDropGate {
        Gates.requireFraction("maxClassAccuracyDrop", maxClassAccuracyDrop);
    }

    public boolean configured() {
        return maxClassAccuracyDrop < 1;
    }

    public Optional<String> failure(List<String> classes, double[] perClassAccuracy, BaselineResult baseline) {
        List<String> fell = new ArrayList<>();
        for (int c = 0; c < classes.size() && c < baseline.perClassAccuracy().length; c++) {
            double before = baseline.perClassAccuracy()[c];
            double drop = before - perClassAccuracy[c];
            if (drop > maxClassAccuracyDrop + 1e-12) {
                fell.add(String.format(
                        Locale.ROOT,
                        "class %s fell %.4f (%.4f -> %.4f)",
                        classes.get(c),
                        drop,
                        before,
                        perClassAccuracy[c]));
            }
        }
        return fell.isEmpty()
                ? Optional.empty()
                : Optional.of(String.format(
                        Locale.ROOT,
                        "LeNet test accuracy against the baseline %s: %s, more than the allowed drop %.4f per class",
                        baseline.model(),
                        String.join(", ", fell),
                        maxClassAccuracyDrop));
    }

    public String passed(BaselineResult baseline) {
        return String.format(
                Locale.ROOT,
                "LeNet test accuracy of every class within %.4f of the baseline %s",
                maxClassAccuracyDrop,
                baseline.model());
    }
}
