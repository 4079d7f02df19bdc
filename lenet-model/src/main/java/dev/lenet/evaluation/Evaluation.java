package dev.lenet.evaluation;

/**
 * How a model did on a labelled set: the K x K confusion matrix (row = true class, column = predicted class)
 * and everything derived from it.
 */
public record Evaluation(long[][] confusion) {

    public Evaluation {
        for (long[] row : confusion) {
            if (row.length != confusion.length) {
                throw new IllegalArgumentException(
                        "a confusion matrix is square: " + confusion.length + " rows, a row" + " of " + row.length);
            }
        }
    }

    public static Evaluation of(byte[] labels, int[] predicted, int classes) {
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predicted.length + " predictions");
        }
        long[][] confusion = new long[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            confusion[labels[i] & 0xff][predicted[i]]++;
        }
        return new Evaluation(confusion);
    }

    public long total() {
        long total = 0;
        for (long[] row : confusion) {
            for (long n : row) {
                total += n;
            }
        }
        return total;
    }

    public int classes() {
        return confusion.length;
    }

    public long correct() {
        long correct = 0;
        for (int c = 0; c < classes(); c++) {
            correct += confusion[c][c];
        }
        return correct;
    }

    public double accuracy() {
        long total = total();
        return total == 0 ? 0 : (double) correct() / total;
    }

    /** Recall per true class; NaN for a class with no examples. */
    public double[] perClassAccuracy() {
        double[] accuracy = new double[classes()];
        for (int c = 0; c < classes(); c++) {
            long support = 0;
            for (long n : confusion[c]) {
                support += n;
            }
            accuracy[c] = support == 0 ? Double.NaN : (double) confusion[c][c] / support;
        }
        return accuracy;
    }
}
