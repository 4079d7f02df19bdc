package dev.lenet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lenet.InvalidParameterException;
import dev.lenet.LeNetException;
import dev.lenet.data.DatasetUnavailableException;
import dev.lenet.data.InvalidDatasetException;
import dev.lenet.evaluation.AccuracyGate;
import dev.lenet.evaluation.AccuracyGateException;
import dev.lenet.evaluation.GateException;
import dev.lenet.training.TrainingDivergedException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class MojoErrorsTest {

    @Test
    void aFailedGateFailsTheBuildNamingTheParameter() {
        String message = new AccuracyGate(0.99).failure(0.9712).orElseThrow();
        MojoFailureException e = MojoErrors.failure(new AccuracyGateException(message, 0.9712, 0.99));
        assertEquals(
                "LeNet test accuracy 0.9712 is below the minimum 0.9900 (<minAccuracy>, -Dlenet.minAccuracy)",
                e.getMessage());
    }

    @Test
    void aGateSetInThePomAloneIsNamedByItsElementOnly() {
        MojoFailureException e = MojoErrors.failure(new GateException(
                "LeNet accuracy on the evaluation set field 0.8800 (88/100) is below its minimum" + " 0.9000",
                "evaluationSets"));
        assertEquals(
                "LeNet accuracy on the evaluation set field 0.8800 (88/100) is below its minimum 0.9000"
                        + " (<evaluationSets>)",
                e.getMessage());
        assertEquals(
                "LeNet expected calibration error 0.0312 is above the maximum 0.0200 (<maxCalibrationError>,"
                        + " -Dlenet.maxCalibrationError)",
                MojoErrors.failure(new GateException(
                                "LeNet expected calibration error 0.0312 is above the maximum 0.0200",
                                "maxCalibrationError"))
                        .getMessage());
    }

    @Test
    void aBadParameterNamesThePomElementAndTheProperty() {
        MojoExecutionException e = MojoErrors.execution(
                new InvalidParameterException("epochs", 0, "train for at least 1 and at most 10000 epochs"));
        assertEquals(
                "Invalid epochs '0': train for at least 1 and at most 10000 epochs (<epochs>, -Dlenet.epochs)",
                e.getMessage());
    }

    @Test
    void badDataPointsAtTheDatasetParameter() {
        MojoExecutionException e = MojoErrors.execution(new InvalidDatasetException(
                "/data/train-images-idx3-ubyte", "the file is empty (0 bytes)", "Replace it"));
        assertEquals(
                "/data/train-images-idx3-ubyte: the file is empty (0 bytes). Replace it (<dataset>, -Dlenet.dataset)",
                e.getMessage());
        MojoExecutionException unavailable = MojoErrors.execution(new DatasetUnavailableException(List.of("a: down")));
        assertEquals(true, unavailable.getMessage().endsWith(" (<dataset>, -Dlenet.dataset)"));
    }

    @Test
    void divergencePointsAtTheLearningRate() {
        MojoExecutionException e = MojoErrors.execution(new TrainingDivergedException(2, 7, Double.NaN, 5.0));
        assertEquals(
                "training diverged at epoch 2, step 7: the loss is NaN. Lower the learning rate (now 5.0), e.g. to"
                        + " 0.001, and keep input scaling on (<learningRate>, -Dlenet.learningRate)",
                e.getMessage());
    }

    @Test
    void anythingElseKeepsItsMessageAndCause() {
        LeNetException cause = new LeNetException("cannot write the model artifact /x.jar");
        MojoExecutionException e = MojoErrors.execution(cause);
        assertEquals("cannot write the model artifact /x.jar", e.getMessage());
        assertSame(cause, e.getCause());
    }
}
