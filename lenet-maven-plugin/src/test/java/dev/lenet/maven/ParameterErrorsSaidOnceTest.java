package dev.lenet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.InvalidParameterException;
import dev.lenet.data.DatasetSource;
import dev.lenet.evaluation.AccuracyGate;
import dev.lenet.evaluation.BaselineGate;
import dev.lenet.evaluation.CalibrationGate;
import dev.lenet.evaluation.ClassDropGate;
import dev.lenet.evaluation.ClassFloorGate;
import dev.lenet.evaluation.RobustnessGate;
import dev.lenet.export.OutputTimestamp;
import dev.lenet.training.Device;
import dev.lenet.training.DeviceChoice;
import dev.lenet.training.LearningRateSchedule;
import dev.lenet.training.Stopping;
import dev.lenet.training.TrainingConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.exception.DefaultExceptionHandler;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every parameter error, as Maven prints it: Maven's own exception handler joins the message of the exception with each
 * cause's message it does not already contain, so a message that rephrased its cause would say it twice.
 */
class ParameterErrorsSaidOnceTest {

    private static Map<String, Executable> everyParameterError() {
        TrainingConfig d = TrainingConfig.defaults();
        Map<String, Executable> errors = new LinkedHashMap<>();
        errors.put("epochs", () -> d.toBuilder().epochs(-1).build());
        errors.put("batchSize", () -> d.toBuilder().batchSize(0).build());
        errors.put("learningRate", () -> d.toBuilder().learningRate(Double.NaN).build());
        errors.put("beta1", () -> d.toBuilder().beta1(1.0).build());
        errors.put("beta2", () -> d.toBuilder().beta2(-0.5).build());
        errors.put("threads", () -> d.toBuilder().threads(-1).build());
        errors.put("learningRateSchedule", () -> LearningRateSchedule.parse("linear"));
        errors.put("device", () -> Device.parse("tpu"));
        errors.put("device gpu without a GPU build", () -> DeviceChoice.choose(Device.GPU));
        errors.put("monitor", () -> Stopping.Monitor.parse("loss"));
        errors.put("validationSize", () -> new Stopping(-1, null, 0, 0, null));
        errors.put("patience", () -> new Stopping(0, null, -1, 0, null));
        errors.put("patience without validationSize", () -> new Stopping(0, null, 3, 0, null));
        errors.put("minDelta", () -> new Stopping(0, null, 0, -1, null));
        errors.put("maxTrainingTime", () -> Stopping.parseDuration("soon"));
        errors.put("minAccuracy", () -> new AccuracyGate(1.5));
        errors.put("maxAccuracyDrop", () -> new BaselineGate(-0.1));
        errors.put("minClassAccuracy", () -> new ClassFloorGate(-0.5, Map.of()));
        errors.put("classThresholds", () -> ClassFloorGate.parseThresholds("7:0.99"));
        errors.put("classThresholds not a number", () -> ClassFloorGate.parseThresholds("7=high"));
        errors.put("maxClassAccuracyDrop", () -> new ClassDropGate(2));
        errors.put("minRobustAccuracy", () -> new RobustnessGate(-1));
        errors.put("maxCalibrationError", () -> new CalibrationGate(Double.NaN));
        errors.put("outputTimestamp", () -> OutputTimestamp.parse("yesterday"));
        errors.put("datasetMirrors http", () -> DatasetSource.parse("http://example.org/mnist/"));
        errors.put("datasetMirrors no URL", () -> DatasetSource.parse("mnist mirror"));
        return errors;
    }

    @TestFactory
    List<DynamicTest> eachParameterErrorSaysItsReasonOnceAndNamesElementAndProperty() {
        List<DynamicTest> tests = new ArrayList<>();
        everyParameterError()
                .forEach((name, call) -> tests.add(DynamicTest.dynamicTest(name, () -> {
                    InvalidParameterException core = assertThrows(InvalidParameterException.class, call);
                    MojoExecutionException mojo = MojoErrors.execution(core);
                    String printed = asMavenPrintsIt(mojo);

                    assertTrue(printed.contains("Invalid " + core.parameter() + " '" + core.value() + "'"), printed);
                    assertTrue(
                            printed.contains("(<" + core.parameter() + ">, -Dlenet." + core.parameter() + ")"),
                            printed);
                    assertEquals(1, occurrences(printed, core.problem()), printed);
                    assertNoSentenceTwice(printed);
                })));
        return tests;
    }

    @Test
    void anErrorThatCrossedTheForkIsPrintedOnceToo() {
        InvalidParameterException inChild = assertThrows(
                InvalidParameterException.class,
                () -> TrainingConfig.defaults().toBuilder().epochs(-1).build());
        InvalidParameterException inParent =
                new InvalidParameterException(inChild.parameter(), inChild.value(), inChild.problem());
        assertEquals(inChild.getMessage(), inParent.getMessage());
        String printed = asMavenPrintsIt(MojoErrors.execution(inParent));
        assertEquals(
                "Failed to execute goal dev.lenet:lenet-maven-plugin:train (default-cli): Invalid epochs '-1': train"
                        + " for at least 1 and at most 10000 epochs, or auto (<epochs>, -Dlenet.epochs)",
                printed);
    }

    /** The text Maven's error summary shows for a goal that threw {@code e}. */
    private static String asMavenPrintsIt(MojoExecutionException e) {
        LifecycleExecutionException failed = new LifecycleExecutionException(
                "Failed to execute goal dev.lenet:lenet-maven-plugin:train (default-cli): " + e.getMessage(), e);
        return new DefaultExceptionHandler().handleException(failed).getMessage();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void assertNoSentenceTwice(String text) {
        Set<String> seen = new HashSet<>();
        for (String sentence : text.split("(?<=[.:;])\\s+")) {
            String s = sentence.trim();
            if (s.length() > 12) {
                assertTrue(seen.add(s), "said twice: '" + s + "' in: " + text);
            }
        }
    }
}
