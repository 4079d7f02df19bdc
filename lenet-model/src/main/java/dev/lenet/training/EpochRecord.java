package dev.lenet.training;

/**
 * One epoch's figures.
 *
 * @param meanLoss mean softmax cross-entropy over the epoch's training batches
 * @param trainAccuracy accuracy on the training batches, each measured before its update (as Keras reports it)
 * @param validationLoss mean cross-entropy on the held-out validation images; null without a validation set
 * @param validationAccuracy accuracy on the validation images; null without a validation set
 * @param testAccuracy accuracy on the test set, for the last epoch only; null with a validation set, which alone judges
 *     epochs then
 * @param seconds wall time of the training steps, evaluation excluded
 * @param residentBytes the process's resident memory after the epoch (-1 where unknown)
 */
public record EpochRecord(
        int epoch,
        int epochs,
        double learningRate,
        double meanLoss,
        double trainAccuracy,
        Double validationLoss,
        Double validationAccuracy,
        Double testAccuracy,
        double seconds,
        double imagesPerSecond,
        long residentBytes) {}
