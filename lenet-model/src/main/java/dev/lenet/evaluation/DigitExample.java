package dev.lenet.evaluation;

/**
 * One test digit with the model's answer, for people to look at.
 *
 * @param index position in the test set
 * @param confidence the probability the model gave its answer
 * @param pixels the 784 pixels, row-major
 */
public record DigitExample(int index, int label, int predicted, float confidence, byte[] pixels) {
    public boolean correct() {
        return label == predicted;
    }
}
