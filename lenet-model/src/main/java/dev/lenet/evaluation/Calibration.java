package dev.lenet.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * How far the model's confidence (its highest probability) is from how often it is right: the expected calibration
 * error over {@value #BINS} equal bins of confidence, and each bin's figures for a reliability diagram.
 *
 * @param expectedError the bins' |accuracy - confidence|, weighted by their share of the images
 */
public record Calibration(double expectedError, List<Bin> bins) {
    public static final int BINS = 15;

    /** Images whose confidence lies in [lower, upper): how many, their mean confidence and their accuracy. */
    public record Bin(double lower, double upper, long count, double confidence, double accuracy) {}

    public static Calibration of(Predictions predictions, byte[] labels) {
        long[] count = new long[BINS];
        double[] confidence = new double[BINS];
        long[] correct = new long[BINS];
        float[][] probabilities = predictions.probabilities();
        for (int i = 0; i < labels.length; i++) {
            int predicted = predictions.predicted()[i];
            double p = probabilities[i][predicted];
            int bin = Math.min(BINS - 1, (int) (p * BINS));
            count[bin]++;
            confidence[bin] += p;
            if (predicted == (labels[i] & 0xff)) {
                correct[bin]++;
            }
        }
        List<Bin> bins = new ArrayList<>();
        double error = 0;
        for (int b = 0; b < BINS; b++) {
            double meanConfidence = count[b] == 0 ? 0 : confidence[b] / count[b];
            double accuracy = count[b] == 0 ? 0 : (double) correct[b] / count[b];
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, count[b], meanConfidence, accuracy));
            error += labels.length == 0 ? 0 : (double) count[b] / labels.length * Math.abs(accuracy - meanConfidence);
        }
        return new Calibration(error, List.copyOf(bins));
    }
}
