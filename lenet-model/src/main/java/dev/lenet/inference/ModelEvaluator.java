package dev.lenet.inference;

import dev.lenet.data.Digits;
import dev.lenet.evaluation.Evaluation;
import java.util.ArrayList;
import java.util.List;

/** Runs a packaged or loaded model over a labelled set, in large batches. */
public final class ModelEvaluator {
    private static final int BATCH = 2_000;

    private ModelEvaluator() {}

    public static Evaluation evaluate(LeNetClassifier model, Digits digits) {
        int[] predicted = new int[digits.count()];
        for (int start = 0; start < digits.count(); start += BATCH) {
            List<byte[]> images = new ArrayList<>();
            for (int i = start; i < Math.min(digits.count(), start + BATCH); i++) {
                images.add(digits.image(i));
            }
            List<Prediction> predictions = model.classifyAll(images);
            for (int i = 0; i < predictions.size(); i++) {
                predicted[start + i] = predictions.get(i).digit();
            }
        }
        return Evaluation.of(digits.labels(), predicted);
    }
}
