package dev.lenet.training;

/**
 * Training at one point of the run, for the report's curves: the mean loss and accuracy of the training batches since
 * the previous point (each measured before its update), and the learning rate of the last of them.
 *
 * @param step the training steps done so far, over all epochs
 */
public record StepPoint(long step, double loss, double accuracy, double learningRate) {
    /** About this many points for a whole run: enough for a curve, few enough for a small report. */
    static final int PER_RUN = 120;
}
