package dev.lenet.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.InvalidParameterException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FurtherGatesTest {
    private static final List<String> CLASSES = List.of("0", "1", "7");
    private static final double[] PER_CLASS = {0.99, 0.95, 0.90};
    private static final BaselineResult BASELINE =
            new BaselineResult("com.acme:digits-model:1.4.0", "ab", 0.93, 930, 1000, new double[] {0.90, 0.96, 0.95});
    private static final List<Robustness.Result> ROBUSTNESS = List.of(
            new Robustness.Result("shift", "moved", 0.80, 80, 100),
            new Robustness.Result("rotation", "turned", 0.91, 91, 100));

    @Test
    void aClassFloorNamesEveryClassBelowItWithBothFigures() {
        ClassFloorGate gate = new ClassFloorGate(0.92, Map.of("7", 0.85));
        assertEquals(Optional.empty(), gate.failure(CLASSES, PER_CLASS), "7 has its own, lower floor");
        assertEquals(
                Optional.of("LeNet test accuracy of class 1 0.9500 is below its floor 0.9600, of class 7 0.9000 is"
                        + " below its floor 0.9500"),
                new ClassFloorGate(0.96, Map.of("7", 0.95)).failure(CLASSES, PER_CLASS));
        assertEquals(
                "LeNet test accuracy of every class meets its floor (closest: class 1 0.9500, floor 0.9200)",
                gate.passed(CLASSES, PER_CLASS));
    }

    @Test
    void classThresholdsAreClassFractionPairsAndABadOneIsNamed() {
        assertEquals(Map.of("7", 0.99, "nine", 0.5), ClassFloorGate.parseThresholds(" 7=0.99, nine=0.5"));
        assertEquals(Map.of(), ClassFloorGate.parseThresholds(null));
        assertEquals(
                "Invalid classThresholds '7=0.99,9': '9' is not class=fraction; write pairs separated by commas, e.g."
                        + " 7=0.99,9=0.98",
                assertThrows(InvalidParameterException.class, () -> ClassFloorGate.parseThresholds("7=0.99,9"))
                        .getMessage());
        assertEquals(
                "Invalid classThresholds '7=high': 'high' (for class 7) is not a number; write a fraction such as 0.99",
                assertThrows(InvalidParameterException.class, () -> ClassFloorGate.parseThresholds("7=high"))
                        .getMessage());
    }

    @Test
    void aThresholdForAClassTheModelDoesNotHaveIsAnError() {
        Gates gates = new Gates(
                new AccuracyGate(0),
                new BaselineGate(1),
                new ClassFloorGate(0, Map.of("8", 0.9)),
                null,
                null,
                null,
                null);
        Figures figures = new Figures(0.95, CLASSES, PER_CLASS, null, List.of(), List.of());
        assertEquals(
                "Invalid classThresholds '8': the model has no class of that name; its classes are [0, 1, 7]",
                assertThrows(InvalidParameterException.class, () -> gates.judge(figures, null))
                        .getMessage());
    }

    @Test
    void aClassThatFellFromTheBaselineFailsThoughTheOverallFigureRose() {
        Gates gates =
                new Gates(new AccuracyGate(0), new BaselineGate(0.01), null, new ClassDropGate(0.02), null, null, null);
        Verdict verdict = gates.judge(new Figures(0.95, CLASSES, PER_CLASS, null, List.of(), List.of()), BASELINE);
        assertEquals(1, verdict.failures().size(), verdict.message());
        assertEquals("maxClassAccuracyDrop", verdict.failures().get(0).parameter());
        assertEquals(
                "LeNet test accuracy against the baseline com.acme:digits-model:1.4.0: class 7 fell 0.0500 (0.9500 ->"
                        + " 0.9000), more than the allowed drop 0.0200 per class",
                verdict.failures().get(0).message());
        GateException e = assertThrows(GateException.class, () -> verdict.enforce("", pass -> {}));
        assertEquals("maxClassAccuracyDrop", e.parameter());
        assertTrue(e.isVerdict());
    }

    @Test
    void robustnessCalibrationAndEvaluationSetsHaveTheirExactMessages() {
        assertEquals(
                Optional.of("LeNet test accuracy under shift 0.8000 is below the minimum 0.9000"),
                new RobustnessGate(0.9).failure(ROBUSTNESS));
        assertEquals(
                "LeNet test accuracy under every corruption meets the minimum 0.7500 (lowest: shift 0.8000)",
                new RobustnessGate(0.75).passed(ROBUSTNESS));
        Calibration calibration = new Calibration(0.0312, List.of());
        assertEquals(
                Optional.of("LeNet expected calibration error 0.0312 is above the maximum 0.0200"),
                new CalibrationGate(0.02).failure(calibration));
        List<SetResult> sets = List.of(new SetResult("field", "/data/field", 0.88, 88, 100, new double[0]));
        assertEquals(
                Optional.of("LeNet accuracy on the evaluation set field 0.8800 (88/100) is below its minimum 0.9000"),
                new EvaluationSetGate(Map.of("field", 0.9)).failure(sets));
        assertEquals(
                "LeNet accuracy on every evaluation set meets its minimum: field 0.8800 (minimum 0.8000)",
                new EvaluationSetGate(Map.of("field", 0.8)).passed(sets));
    }

    @Test
    void gatesThatAreNotConfiguredSayNothing() {
        Figures figures = new Figures(0.95, CLASSES, PER_CLASS, new Calibration(0.5, List.of()), ROBUSTNESS, List.of());
        Verdict verdict = new Gates(0.9, 0.01).judge(figures, null);
        assertEquals(List.of("LeNet test accuracy 0.9500 meets the minimum 0.9000"), verdict.passes());
        assertTrue(verdict.passed());
    }
}
