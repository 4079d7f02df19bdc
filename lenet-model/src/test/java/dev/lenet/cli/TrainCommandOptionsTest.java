package dev.lenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.InvalidParameterException;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.Gates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's options become the same gates and checks as the plugin's parameters of the same names. */
class TrainCommandOptionsTest {

    @Test
    void withoutGateOptionsNoGateIsConfigured() {
        TrainCommand.Options options = TrainCommand.parse(new String[] {"--epochs", "1"});
        Gates gates = options.gates().gates();
        assertEquals(0, gates.accuracy().minAccuracy());
        assertFalse(gates.classFloors().configured());
        assertFalse(gates.robustness().configured());
        assertFalse(options.gates().checks().robustness());
        assertEquals(null, options.gates().baseline());
    }

    @Test
    void everyGateAndCheckHasItsOption() {
        TrainCommand.Options options = TrainCommand.parse(new String[] {
            "--min-accuracy", "0.98",
            "--min-class-accuracy", "0.9",
            "--class-thresholds", "7=0.95",
            "--max-class-accuracy-drop", "0.02",
            "--min-robust-accuracy", "0.6",
            "--robustness-seed", "5",
            "--max-calibration-error", "0.05",
            "--evaluation-set", "field=data/field",
            "--evaluation-set-min", "field=0.8",
            "--baseline", "released.jar"
        });
        Gates gates = options.gates().gates();
        assertEquals(0.98, gates.accuracy().minAccuracy());
        assertEquals(0.9, gates.classFloors().minClassAccuracy());
        assertEquals(Map.of("7", 0.95), gates.classFloors().classThresholds());
        assertEquals(0.02, gates.classDrop().maxClassAccuracyDrop());
        assertEquals(0.6, gates.robustness().minRobustAccuracy());
        assertEquals(0.05, gates.calibration().maxCalibrationError());
        assertEquals(Map.of("field", 0.8), gates.evaluationSets().minAccuracy());
        Checks checks = options.gates().checks();
        assertTrue(checks.robustness(), "a robustness minimum implies the robustness evaluation");
        assertEquals(5, checks.robustnessSeed());
        assertEquals(List.of(new Checks.EvaluationSet("field", Path.of("data/field"))), checks.evaluationSets());
        assertEquals(Path.of("released.jar"), options.gates().baseline().artifact());
    }

    @Test
    void aMinimumForASetNotGivenIsNamed() {
        TrainCommand.Options options = TrainCommand.parse(new String[] {"--evaluation-set-min", "field=0.8"});
        assertEquals(
                "Invalid --evaluation-set-min 'field': no --evaluation-set of that name; give it with field=DATASET",
                assertThrows(
                                InvalidParameterException.class,
                                () -> options.gates().gates())
                        .getMessage());
        assertEquals(
                "Invalid --evaluation-set 'field': write NAME=VALUE, e.g. field=src/eval/field",
                assertThrows(
                                InvalidParameterException.class,
                                () -> TrainCommand.parse(new String[] {"--evaluation-set", "field"}))
                        .getMessage());
    }
}
