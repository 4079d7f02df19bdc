package dev.lenet.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.InvalidParameterException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatesTest {
    private static final BaselineResult BASELINE =
            new BaselineResult("com.acme:digits-model:1.4.0:model", "ab", 0.9920, 9920, 10000, new double[10]);

    @Test
    void theRegressionGateHasItsExactMessages() {
        BaselineGate gate = new BaselineGate(0.005);
        assertEquals(
                Optional.of("LeNet test accuracy 0.9850 is 0.0070 below the baseline com.acme:digits-model:1.4.0:model"
                        + " (0.9920), more than the allowed drop 0.0050"),
                gate.failure(0.9850, 0.9920, BASELINE.model()));
        assertTrue(gate.failure(0.9875, 0.9920, BASELINE.model()).isEmpty(), "a drop within the allowance passes");
        assertEquals(
                "LeNet test accuracy 0.9931 against the baseline com.acme:digits-model:1.4.0:model (0.9920): change"
                        + " +0.0011, allowed drop 0.0050",
                gate.passed(0.9931, 0.9920, BASELINE.model()));
        assertEquals(
                "Invalid maxAccuracyDrop '-0.1': an accuracy drop is a fraction between 0 and 1, e.g. 0.005 for half a"
                        + " percentage point",
                assertThrows(InvalidParameterException.class, () -> new BaselineGate(-0.1))
                        .getMessage());
    }

    @Test
    void bothGatesAreJudgedAndTheFirstFailureIsEnforced() {
        Gates gates = new Gates(0.99, 0.001);
        Gates.Verdict both = gates.judge(0.985, BASELINE);
        assertFalse(both.passed());
        assertEquals(
                "LeNet test accuracy 0.9850 is below the minimum 0.9900; LeNet test accuracy 0.9850 is 0.0070 below"
                        + " the baseline com.acme:digits-model:1.4.0:model (0.9920), more than the allowed drop 0.0010",
                both.message());
        assertEquals(
                "LeNet test accuracy 0.9850 is below the minimum 0.9900 (again)",
                assertThrows(AccuracyGateException.class, () -> both.enforce(" (again)"))
                        .getMessage());

        Gates.Verdict regressionOnly = new Gates(0.98, 0.001).judge(0.985, BASELINE);
        assertThrows(BaselineGateException.class, () -> regressionOnly.enforce(""));

        Gates.Verdict noBaseline = gates.judge(0.995, null);
        assertTrue(noBaseline.passed());
        assertEquals("LeNet test accuracy 0.9950 meets the minimum 0.9900", noBaseline.message());
        noBaseline.enforce("");
    }
}
