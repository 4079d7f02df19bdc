package dev.lenet.evaluation;

import java.util.Map;

/**
 * Every gate's limit as a build's settings give it (the plugin's parameters and the command line's options of the same
 * names), made into the {@link Gates} in one place.
 *
 * @param classThresholds {@code class=fraction} pairs separated by commas, or null
 * @param setMinimums each evaluation set's minimum accuracy by its name (0: reported only)
 */
public record GateLimits(
        double minAccuracy,
        double maxAccuracyDrop,
        double minClassAccuracy,
        String classThresholds,
        double maxClassAccuracyDrop,
        double minRobustAccuracy,
        double maxCalibrationError,
        Map<String, Double> setMinimums) {

    public Gates gates() {
        return new Gates(
                new AccuracyGate(minAccuracy),
                new BaselineGate(maxAccuracyDrop),
                new ClassFloorGate(minClassAccuracy, ClassFloorGate.parseThresholds(classThresholds)),
                new ClassDropGate(maxClassAccuracyDrop),
                new RobustnessGate(minRobustAccuracy),
                new CalibrationGate(maxCalibrationError),
                new EvaluationSetGate(setMinimums));
    }
}
