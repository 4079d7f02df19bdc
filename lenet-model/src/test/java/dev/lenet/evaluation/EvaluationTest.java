package dev.lenet.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void countsIntoTheConfusionMatrix() {
        byte[] labels = {0, 0, 1, 1, 1, 2, 7, 7};
        int[] predicted = {0, 1, 1, 1, 2, 2, 7, 1};
        Evaluation e = Evaluation.of(labels, predicted, 10);
        assertEquals(8, e.total());
        assertEquals(5, e.correct());
        assertEquals(5.0 / 8, e.accuracy(), 1e-12);
        assertEquals(1, e.confusion()[0][1], "a true 0 predicted as 1");
        assertEquals(2, e.confusion()[1][1]);
        assertEquals(1, e.confusion()[7][1]);
        double[] perClass = e.perClassAccuracy();
        assertEquals(0.5, perClass[0], 1e-12);
        assertEquals(2.0 / 3, perClass[1], 1e-12);
        assertEquals(1.0, perClass[2], 1e-12);
        assertEquals(0.5, perClass[7], 1e-12);
        assertTrue(Double.isNaN(perClass[3]), "no examples of 3");
    }
}
