package dev.lenet.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.InvalidParameterException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccuracyGateTest {

    @Test
    void failsBelowTheMinimumWithTheExactMessage() {
        assertEquals(
                Optional.of("LeNet test accuracy 0.9712 is below the minimum 0.9900"),
                new AccuracyGate(0.99).failure(0.9712));
    }

    @Test
    void passesAtAndAboveTheMinimum() {
        AccuracyGate gate = new AccuracyGate(0.985);
        assertTrue(gate.failure(0.985).isEmpty());
        assertTrue(gate.failure(0.9923).isEmpty());
        assertEquals("LeNet test accuracy 0.9923 meets the minimum 0.9850", gate.passed(0.9923));
    }

    @Test
    void neverPrintsAFailingAccuracyAsEqualToTheMinimum() {
        assertEquals(
                Optional.of("LeNet test accuracy 0.98995 is below the minimum 0.99000"),
                new AccuracyGate(0.99).failure(0.98995));
    }

    @Test
    void refusesAMinimumThatIsNoFraction() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> new AccuracyGate(1.5));
        assertEquals("minAccuracy", e.parameter());
        assertEquals("1.5", e.value());
        assertEquals(
                "Invalid minAccuracy '1.5': an accuracy is a fraction between 0 and 1, e.g. 0.985 for 98.5%",
                e.getMessage());
    }
}
