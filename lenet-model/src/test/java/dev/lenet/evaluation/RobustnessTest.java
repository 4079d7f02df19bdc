package dev.lenet.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.contract.ModelSignature;
import dev.lenet.data.LabeledImages;
import dev.lenet.data.SyntheticDigits;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RobustnessTest {
    private static final LabeledImages DIGITS = SyntheticDigits.generate(40, 3);

    @Test
    void theSameSeedCorruptsEveryImageTheSameWayAndAnotherSeedOtherwise() {
        for (Corruption corruption : Corruption.values()) {
            byte[] once = Robustness.corrupted(DIGITS, corruption, 7).images();
            byte[] again = Robustness.corrupted(DIGITS, corruption, 7).images();
            assertArrayEquals(once, again, corruption.id());
            assertFalse(Arrays.equals(DIGITS.images(), once), corruption.id() + " changes the images");
            if (corruption != Corruption.BLUR) { // blur draws nothing: the same for every seed
                assertFalse(
                        Arrays.equals(
                                once,
                                Robustness.corrupted(DIGITS, corruption, 8).images()),
                        corruption.id() + " depends on the seed");
            }
        }
    }

    @Test
    void aShiftMovesEveryPixelThreeStepsAndFillsWithBackground() {
        byte[] image = new byte[ModelSignature.PIXELS];
        image[14 * 28 + 14] = (byte) 200;
        byte[] out = new byte[ModelSignature.PIXELS];
        Corruption.SHIFT.apply(image, out, new SplittableRandom(1));
        int lit = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] != 0) {
                lit++;
                int dx = i % 28 - 14;
                int dy = i / 28 - 14;
                assertTrue(Math.max(Math.abs(dx), Math.abs(dy)) == 3, "moved 3 steps: " + dx + "," + dy);
                assertEquals(200, out[i] & 0xff);
            }
        }
        assertEquals(1, lit);
    }

    @Test
    void blurKeepsAFlatImageFlatAndNoiseStaysInTheRange() {
        byte[] flat = new byte[ModelSignature.PIXELS];
        Arrays.fill(flat, (byte) 100);
        byte[] out = new byte[ModelSignature.PIXELS];
        Corruption.BLUR.apply(flat, out, new SplittableRandom(1));
        assertEquals(100, out[14 * 28 + 14] & 0xff, "the middle of a flat image stays as it was");
        Arrays.fill(flat, (byte) 250);
        Corruption.NOISE.apply(flat, out, new SplittableRandom(1));
        for (byte b : out) {
            assertTrue((b & 0xff) <= 255 && (b & 0xff) >= 0);
        }
    }

    @Test
    void eachCorruptionIsEvaluatedOnceInItsOrderWithItsStrength() {
        // a model that answers class 0 for every image: the figures are not what this test is about
        List<Robustness.Result> results = Robustness.evaluate(
                DIGITS, images -> Predictions.of(images, 10, (pixels, count) -> new float[count * 10]), 1);
        assertEquals(
                List.of("shift", "rotation", "noise", "blur"),
                results.stream().map(Robustness.Result::corruption).toList());
        assertTrue(results.get(1).strength().contains("20 degrees"));
        assertEquals(40, results.get(0).total());
    }

    @Test
    void calibrationWeighsEachBinsGapByItsShare() {
        // three images: confident and right (0.95), confident and wrong (0.95), unsure and right (0.5)
        float[][] p = {{0.95f, 0.05f}, {0.95f, 0.05f}, {0.5f, 0.5f}};
        Predictions predictions =
                new Predictions(new int[] {0, 0, 0}, p, Evaluation.of(new byte[] {0, 1, 0}, new int[] {0, 0, 0}, 2));
        Calibration calibration = Calibration.of(predictions, new byte[] {0, 1, 0});
        // bin of 0.95: 2 images, confidence 0.95, accuracy 0.5 -> 2/3 * 0.45; bin of 0.5: 1 image, gap 0.5 -> 1/3 * 0.5
        assertEquals(2.0 / 3 * 0.45 + 1.0 / 3 * 0.5, calibration.expectedError(), 1e-6);
        assertEquals(Calibration.BINS, calibration.bins().size());
        assertEquals(2, calibration.bins().get(14).count());
    }
}
