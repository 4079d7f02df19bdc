package dev.lenet.onnx;

/** The class a model chose for one image, and its probability for each class. */
public record Prediction(int digit, float[] probabilities) {
    public float confidence() {
        return probabilities[digit];
    }
}
