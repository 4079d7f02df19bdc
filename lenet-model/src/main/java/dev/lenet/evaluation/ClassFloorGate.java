package dev.lenet.evaluation;

import dev.lenet.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fails a model with a class whose test accuracy is below its floor: {@code minClassAccuracy} for every class, or the
 * class's own floor from {@code classThresholds}. One message names every such class with both figures.
 */
public record ClassFloorGate(double minClassAccuracy, Map<String, Double> classThresholds) {

    public ClassFloorGate {
        Gates.requireFraction("minClassAccuracy", minClassAccuracy);
        classThresholds = Map.copyOf(new TreeMap<>(classThresholds == null ? Map.of() : classThresholds));
        classThresholds.forEach((name, floor) -> Gates.requireFraction("classThresholds", floor));
    }

    /** Off: every floor 0. */
    public static ClassFloorGate none() {
        return new ClassFloorGate(0, Map.of());
    }

    /**
     * Reads {@code classThresholds}: {@code class=fraction} pairs separated by commas ({@code 7=0.99,9=0.98}); null or
     * blank is none.
     */
    public static Map<String, Double> parseThresholds(String text) {
        Map<String, Double> floors = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return floors;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new InvalidParameterException(
                        "classThresholds",
                        text,
                        "'" + pair.strip() + "' is not class=fraction; write pairs separated by commas, e.g."
                                + " 7=0.99,9=0.98");
            }
            try {
                floors.put(parts[0].strip(), Double.parseDouble(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(
                        "classThresholds",
                        text,
                        "'" + parts[1].strip() + "' (for class " + parts[0].strip() + ") is not a number; write a"
                                + " fraction such as 0.99",
                        e);
            }
        }
        return floors;
    }

    public boolean configured() {
        return minClassAccuracy > 0 || !classThresholds.isEmpty();
    }

    /** A class named in the thresholds that the model does not have, else empty. */
    public Optional<String> unknownClass(List<String> classes) {
        return classThresholds.keySet().stream()
                .filter(c -> !classes.contains(c))
                .findFirst();
    }

    public double floor(String className) {
        return classThresholds.getOrDefault(className, minClassAccuracy);
    }

    public Optional<String> failure(List<String> classes, double[] perClassAccuracy) {
        List<String> below = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            double floor = floor(classes.get(c));
            if (perClassAccuracy[c] < floor) {
                below.add(String.format(
                        Locale.ROOT,
                        "class %s %.4f is below its floor %.4f",
                        classes.get(c),
                        perClassAccuracy[c],
                        floor));
            }
        }
        return below.isEmpty()
                ? Optional.empty()
                : Optional.of("LeNet test accuracy of " + String.join(", of ", below));
    }

    public String passed(List<String> classes, double[] perClassAccuracy) {
        int lowest = 0;
        for (int c = 1; c < classes.size(); c++) {
            if (perClassAccuracy[c] - floor(classes.get(c)) < perClassAccuracy[lowest] - floor(classes.get(lowest))) {
                lowest = c;
            }
        }
        return String.format(
                Locale.ROOT,
                "LeNet test accuracy of every class meets its floor (closest: class %s %.4f, floor %.4f)",
                classes.get(lowest),
                perClassAccuracy[lowest],
                floor(classes.get(lowest)));
    }
}
