package dev.lenet.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Fails a model whose accuracy on a further evaluation set is below that set's own minimum. */
public record EvaluationSetGate(Map<String, Double> minAccuracy) {

    public EvaluationSetGate {
        minAccuracy = Map.copyOf(new TreeMap<>(minAccuracy == null ? Map.of() : minAccuracy));
        minAccuracy.forEach((name, floor) -> Gates.requireFraction("evaluationSets", floor));
    }

    public boolean configured() {
        return minAccuracy.values().stream().anyMatch(floor -> floor > 0);
    }

    public Optional<String> failure(List<SetResult> results) {
        List<String> below = new ArrayList<>();
        for (SetResult r : results) {
            double floor = minAccuracy.getOrDefault(r.name(), 0.0);
            if (r.accuracy() < floor) {
                below.add(String.format(
                        Locale.ROOT,
                        "on the evaluation set %s %.4f (%d/%d) is below its minimum %.4f",
                        r.name(),
                        r.accuracy(),
                        r.correct(),
                        r.total(),
                        floor));
            }
        }
        return below.isEmpty() ? Optional.empty() : Optional.of("LeNet accuracy " + String.join("; ", below));
    }

    public String passed(List<SetResult> results) {
        List<String> each = new ArrayList<>();
        for (SetResult r : results) {
            each.add(String.format(
                    Locale.ROOT,
                    "%s %.4f (minimum %.4f)",
                    r.name(),
                    r.accuracy(),
                    minAccuracy.getOrDefault(r.name(), 0.0)));
        }
        return "LeNet accuracy on every evaluation set meets its minimum: " + String.join(", ", each);
    }
}
