package dev.lenet.training;

/**
 * How training ended and which epoch's weights were kept.
 *
 * @param keptEpoch the epoch whose weights the model has (the best by validation, else the last)
 * @param message one sentence for the log and the model card
 * @param ending why the loop stopped
 */
public record StopReason(int keptEpoch, String message, Ending ending) {
    /** Why the training loop stopped. */
    public enum Ending {
        /** every epoch asked for ran */
        COMPLETED,
        /** the monitored figure did not improve for {@code patience} epochs */
        EARLY_STOPPING,
        /** {@code maxTrainingTime} ran out before the last epoch */
        TIME_BUDGET
    }

    /** True when {@code maxTrainingTime} ended training before its last epoch. */
    public boolean cutByTimeBudget() {
        return ending == Ending.TIME_BUDGET;
    }
}
