package dev.lenet.inference;

/** The class a model chose for one image, and its probability for each of the ten classes. */
public record Prediction(int digit, float[] probabilities) {
    public float confidence() {
        return probabilities[digit];
    }
}
