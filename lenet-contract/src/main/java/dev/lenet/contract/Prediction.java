package dev.lenet.contract;

/**
 * The class a model chose for one image and its probability for each class.
 *
 * @param index the class's index (for MNIST, the digit)
 * @param label the class's name (for MNIST, the digit as text)
 */
public record Prediction(int index, String label, float[] probabilities) {
    public float confidence() {
        return probabilities[index];
    }
}
