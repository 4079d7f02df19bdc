package dev.lenet.training;

/**
 * How training ended and which epoch's weights were kept.
 *
 * @param keptEpoch the epoch whose weights the model has (the best by validation, else the last)
 * @param message one sentence for the log and the model card
 * @param cutByTimeBudget true when {@code maxTrainingTime} ended training before its last epoch
 */
public record StopReason(int keptEpoch, String message, boolean cutByTimeBudget) {}
