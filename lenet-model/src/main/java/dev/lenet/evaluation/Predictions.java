package dev.lenet.evaluation;

import dev.lenet.contract.Batches;
import dev.lenet.contract.ModelSignature;
import dev.lenet.data.LabeledImages;

/**
 * A model's answer for each image of a set: the class, the probability of each class, and the evaluation they make. The one
 * place where a model runs over a whole set, in batches, whichever runtime holds it (the trainer's session or a
 * loaded SavedModel).
 */
public record Predictions(int[] predicted, float[][] probabilities, Evaluation evaluation) {
    /** Images per call: large enough to keep the cores busy, small enough for modest memory. */
    public static final int BATCH = 2_000;

    /** A model as a function of a batch: {@code count} images of 784 pixels in, {@code count x K} probabilities out. */
    @FunctionalInterface
    public interface Model {
        float[] probabilities(byte[] pixels, int count);
    }

    public static Predictions of(LabeledImages digits, int classes, Model model) {
        int[] predicted = new int[digits.count()];
        float[][] all = new float[digits.count()][];
        for (int start = 0; start < digits.count(); start += BATCH) {
            int size = Math.min(BATCH, digits.count() - start);
            byte[] chunk = new byte[size * ModelSignature.PIXELS];
            digits.pixels().copy(start, size, chunk);
            float[] flat = model.probabilities(chunk, size);
            for (int i = 0; i < size; i++) {
                float[] p = new float[classes];
                System.arraycopy(flat, i * classes, p, 0, classes);
                predicted[start + i] = Batches.argMax(p);
                all[start + i] = p;
            }
        }
        return new Predictions(predicted, all, Evaluation.of(digits.labels(), predicted, classes));
    }
}
