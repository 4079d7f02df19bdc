package dev.lenet.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lenet.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
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
    void bothGatesAreJudgedAndEveryFailureIsEnforcedAsTheFirstsKind() {
        Gates gates = new Gates(0.99, 0.001);
        Verdict both = gates.judge(0.985, BASELINE);
        assertFalse(both.passed());
        assertEquals(
                "LeNet test accuracy 0.9850 is below the minimum 0.9900; LeNet test accuracy 0.9850 is 0.0070 below"
                        + " the baseline com.acme:digits-model:1.4.0:model (0.9920), more than the allowed drop 0.0010",
                both.message());
        assertEquals(
                "LeNet test accuracy 0.9850 is below the minimum 0.9900; LeNet test accuracy 0.9850 is 0.0070 below"
                        + " the baseline com.acme:digits-model:1.4.0:model (0.9920), more than the allowed drop 0.0010"
                        + " (again)",
                assertThrows(
                                AccuracyGateException.class,
                                () -> both.enforce(" (again)", pass -> fail("no pass: " + pass)))
                        .getMessage());

        Verdict regressionOnly = new Gates(0.98, 0.001).judge(0.985, BASELINE);
        List<String> passedFirst = new ArrayList<>();
        assertThrows(BaselineGateException.class, () -> regressionOnly.enforce("", passedFirst::add));
        assertEquals(
                List.of("LeNet test accuracy 0.9850 meets the minimum 0.9800"),
                passedFirst,
                "what passed is said before the failure");

        Verdict noBaseline = gates.judge(0.995, null);
        assertTrue(noBaseline.passed());
        assertEquals("LeNet test accuracy 0.9950 meets the minimum 0.9900", noBaseline.message());
        List<String> logged = new ArrayList<>();
        noBaseline.enforce(" (recorded)", logged::add);
        assertEquals(List.of("LeNet test accuracy 0.9950 meets the minimum 0.9900 (recorded)"), logged);
    }

    @Test
    void aVerdictReadsBackFromItsJsonWithItsBaseline() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Verdict verdict = new Gates(0.99, 0.001).judge(0.985, BASELINE);
        String text = json.writeValueAsString(verdict);
        assertTrue(text.contains("\"passed\":false"), text);
        assertTrue(text.contains("\"message\":\"LeNet test accuracy 0.9850 is below"), text);
        Verdict read = json.readValue(text, Verdict.class);
        assertEquals(verdict.message(), read.message());
        assertEquals(BASELINE.model(), read.baseline().model());
        assertEquals(0.001, read.maxAccuracyDrop());
    }
}
