package dev.lenet.cli;

import dev.lenet.InvalidParameterException;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.GateLimits;
import dev.lenet.evaluation.Gates;
import dev.lenet.pipeline.Baseline;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The command line's gates and checks, the plugin's parameters of the same names: none is applied unless given (the
 * plugin's minAccuracy of 0.985 is the command line's 0).
 */
final class GateOptions {
    static final String USAGE = "[--min-accuracy X] [--baseline MODEL_JAR] [--max-accuracy-drop X]"
            + " [--min-class-accuracy X] [--class-thresholds CLASS=X,...] [--max-class-accuracy-drop X] [--robustness]"
            + " [--robustness-seed N] [--min-robust-accuracy X] [--max-calibration-error X]"
            + " [--evaluation-set NAME=DATASET] [--evaluation-set-min NAME=X]";

    private double minAccuracy = 0;
    private Path baseline;
    private double maxAccuracyDrop = 1;
    private double minClassAccuracy = 0;
    private String classThresholds;
    private double maxClassAccuracyDrop = 1;
    private boolean robustness;
    private long robustnessSeed = 1;
    private double minRobustAccuracy = 0;
    private double maxCalibrationError = 1;
    private final Map<String, Path> sets = new LinkedHashMap<>();
    private final Map<String, Double> setMinimums = new LinkedHashMap<>();

    /** Takes {@code flag} if it is one of these, reading its value from {@code value}; false if it is not. */
    boolean accept(String flag, Supplier<String> value) {
        switch (flag) {
            case "--min-accuracy" -> minAccuracy = number(flag, value.get());
            case "--baseline" -> baseline = Path.of(value.get());
            case "--max-accuracy-drop" -> maxAccuracyDrop = number(flag, value.get());
            case "--min-class-accuracy" -> minClassAccuracy = number(flag, value.get());
            case "--class-thresholds" -> classThresholds = value.get();
            case "--max-class-accuracy-drop" -> maxClassAccuracyDrop = number(flag, value.get());
            case "--robustness" -> robustness = true;
            case "--robustness-seed" -> robustnessSeed = (long) number(flag, value.get());
            case "--min-robust-accuracy" -> minRobustAccuracy = number(flag, value.get());
            case "--max-calibration-error" -> maxCalibrationError = number(flag, value.get());
            case "--evaluation-set" -> {
                String[] pair = pair(flag, value.get());
                sets.put(pair[0], Path.of(pair[1]));
            }
            case "--evaluation-set-min" -> {
                String[] pair = pair(flag, value.get());
                setMinimums.put(pair[0], number(flag, pair[1]));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    Gates gates() {
        for (String name : setMinimums.keySet()) {
            if (!sets.containsKey(name)) {
                throw new InvalidParameterException(
                        "--evaluation-set-min",
                        name,
                        "no --evaluation-set of that name; give it with " + name + "=DATASET");
            }
        }
        Map<String, Double> floors = new LinkedHashMap<>();
        sets.keySet().forEach(name -> floors.put(name, setMinimums.getOrDefault(name, 0.0)));
        return new GateLimits(
                        minAccuracy,
                        maxAccuracyDrop,
                        minClassAccuracy,
                        classThresholds,
                        maxClassAccuracyDrop,
                        minRobustAccuracy,
                        maxCalibrationError,
                        floors)
                .gates();
    }

    Checks checks() {
        List<Checks.EvaluationSet> named = sets.entrySet().stream()
                .map(set -> new Checks.EvaluationSet(set.getKey(), set.getValue()))
                .toList();
        return Checks.asked(robustness, minRobustAccuracy, robustnessSeed, named);
    }

    Baseline baseline() {
        return baseline == null ? null : new Baseline(baseline.toString(), baseline);
    }

    private static String[] pair(String flag, String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new InvalidParameterException(flag, text, "write NAME=VALUE, e.g. field=src/eval/field");
        }
        return new String[] {text.substring(0, equals), text.substring(equals + 1)};
    }

    private static double number(String flag, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(flag, text, "not a number", e);
        }
    }
}
