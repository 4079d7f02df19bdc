package dev.lenet.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {
    @Test
    void packsImagesOneAfterAnother() {
        byte[] a = new byte[ModelSignature.PIXELS];
        byte[] b = new byte[ModelSignature.PIXELS];
        a[0] = 1;
        b[783] = 2;
        byte[] batch = Batches.pack(List.of(a, b));
        assertEquals(2 * 784, batch.length);
        assertEquals(1, batch[0]);
        assertEquals(2, batch[2 * 784 - 1]);
    }

    @Test
    void refusesAnImageOfAnotherSize() {
        assertEquals(
                "image 1 has 10 bytes; a 28x28 greyscale image has 784",
                assertThrows(IllegalArgumentException.class, () -> Batches.pack(List.of(new byte[784], new byte[10])))
                        .getMessage());
    }

    @Test
    void predictionsTakeTheFirstLargestProbability() {
        List<Prediction> predictions =
                Batches.predictions(new float[] {0.1f, 0.6f, 0.3f, 0.4f, 0.2f, 0.4f}, 2, List.of("a", "b", "c"));
        assertEquals(1, predictions.get(0).index());
        assertEquals("b", predictions.get(0).label());
        assertEquals(0.6f, predictions.get(0).confidence());
        assertEquals(0, predictions.get(1).index(), "a tie goes to the first, as ArgMax decides it");
        assertArrayEquals(new float[] {0.4f, 0.2f, 0.4f}, predictions.get(1).probabilities());
    }

    @Test
    void refusesAnOutputOfAnotherWidth() {
        assertEquals(
                "the model's probabilities output holds 5 values for 2 images of 3 classes: it is not a LeNet"
                        + " classifier as lenet:train exports it",
                assertThrows(ModelException.class, () -> Batches.predictions(new float[5], 2, List.of("a", "b", "c")))
                        .getMessage());
    }
}
