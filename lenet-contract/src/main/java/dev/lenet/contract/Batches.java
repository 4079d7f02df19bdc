package dev.lenet.contract;

import java.util.ArrayList;
import java.util.List;

/** What every consumer does around the runtime's call: images into one batch, probabilities into predictions. */
public final class Batches {
    private Batches() {}

    /** The images one after another, each checked to be 28x28 greyscale. */
    public static byte[] pack(List<byte[]> images) {
        byte[] batch = new byte[images.size() * ModelSignature.PIXELS];
        for (int i = 0; i < images.size(); i++) {
            byte[] image = images.get(i);
            if (image.length != ModelSignature.PIXELS) {
                throw new IllegalArgumentException("image " + i + " has " + image.length
                        + " bytes; a 28x28 greyscale image has " + ModelSignature.PIXELS);
            }
            System.arraycopy(image, 0, batch, i * ModelSignature.PIXELS, ModelSignature.PIXELS);
        }
        return batch;
    }

    /**
     * The predictions for {@code count} images from the model's probabilities, image after image.
     *
     * @throws ModelException when the output does not hold one probability per class and image
     */
    public static List<Prediction> predictions(float[] flat, int count, List<String> classes) {
        int width = classes.size();
        if (flat.length != (long) count * width) {
            throw new ModelException("the model's " + ModelSignature.PROBABILITIES + " output holds " + flat.length
                    + " values for " + count + " images of " + width + " classes: it is not a LeNet classifier as"
                    + " lenet:train exports it");
        }
        List<Prediction> predictions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] p = new float[width];
            System.arraycopy(flat, i * width, p, 0, width);
            int best = argMax(p);
            predictions.add(new Prediction(best, classes.get(best), p));
        }
        return predictions;
    }

    /** The first index of the largest value, as TensorFlow's and ONNX's ArgMax choose it. */
    public static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
