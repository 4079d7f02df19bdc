package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

@Slow
class AugmentationTest {

    /** 8 copies of a 4x4 bright square at the centre, moved with the draws of (seed, step). */
    private static float[] augment(long seed, long step) {
        float[] pixels = new float[8 * 28 * 28];
        for (int i = 0; i < 8; i++) {
            for (int y = 12; y < 16; y++) {
                for (int x = 12; x < 16; x++) {
                    pixels[i * 784 + y * 28 + x] = 255f;
                }
            }
        }
        try (Graph graph = new Graph();
                Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> images = tf.constant(Shape.of(8, 28, 28), DataBuffers.of(pixels, true, false));
            Operand<TFloat32> moved =
                    Augmentation.apply(tf, images, tf.constant(new int[] {8}), tf.constant(new long[] {seed, step}));
            try (TFloat32 result =
                    (TFloat32) session.runner().fetch(moved).run().get(0)) {
                float[] out = new float[pixels.length];
                result.copyTo(DataBuffers.of(out, false, false));
                return out;
            }
        }
    }

    @Test
    void theSameSeedAndStepMoveTheSameWayOthersDoNot() {
        assertArrayEquals(augment(42, 3), augment(42, 3));
        assertFalse(java.util.Arrays.equals(augment(42, 3), augment(42, 4)));
        assertFalse(java.util.Arrays.equals(augment(42, 3), augment(43, 3)));
    }

    @Test
    void eachImageMovesAtMostTheStatedShiftAndKeepsAboutItsInk() {
        float[] out = augment(7, 1);
        boolean someMoved = false;
        for (int i = 0; i < 8; i++) {
            double mass = 0;
            double cx = 0;
            double cy = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    float v = out[i * 784 + y * 28 + x];
                    mass += v;
                    cx += v * x;
                    cy += v * y;
                }
            }
            cx /= mass;
            cy /= mass;
            // the square's centre is (13.5, 13.5); a scale of 0.9-1.1 changes its area by at most ~25%
            assertTrue(Math.abs(cx - 13.5) <= Augmentation.MAX_SHIFT + 0.01, "x " + cx);
            assertTrue(Math.abs(cy - 13.5) <= Augmentation.MAX_SHIFT + 0.01, "y " + cy);
            assertTrue(mass > 0.75 * 16 * 255 && mass < 1.3 * 16 * 255, "ink " + mass);
            someMoved |= Math.abs(cx - 13.5) > 0.2 || Math.abs(cy - 13.5) > 0.2;
        }
        assertTrue(someMoved);
    }

    @Test
    void trainingWithAugmentationIsReproducibleAndDiffersFromWithout() {
        TrainingConfig augmented = TinyTraining.CONFIG.toBuilder().augment(true).build();
        TrainedWeights first;
        TrainedWeights second;
        try (Trainer trainer = new Trainer(augmented, TinyTraining.DATA)) {
            first = trainer.train(TrainingListener.NONE).weights();
        }
        try (Trainer trainer = new Trainer(augmented, TinyTraining.DATA)) {
            second = trainer.train(TrainingListener.NONE).weights();
        }
        assertTrue(first.sameBitsAs(second));
        assertFalse(first.sameBitsAs(TinyTraining.trained().weights()));
        assertEquals(10, first.classes());
    }
}
