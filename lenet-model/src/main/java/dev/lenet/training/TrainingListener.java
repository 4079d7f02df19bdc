package dev.lenet.training;

import dev.lenet.model.ModelSummary;

/** Told what training does, as it does it. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {};

    default void started(ModelSummary summary, DeviceChoice device, PrecisionChoice precision) {}

    /** The epochs were auto and are now fitted to the data, as {@code decision} says. */
    default void lengthFitted(String decision) {}

    /** The training set is too large to hold in memory and is read from disk, as {@code how} says. */
    default void readFromDisk(String how) {}

    /** Training goes on from a checkpoint written after epoch {@code epochsDone}. */
    default void resumed(int epochsDone) {}

    default void epochEnded(EpochRecord record) {}

    /** After each training step; {@code step} counts from 1 to {@code steps} within the epoch. */
    default void stepEnded(int epoch, int epochs, int step, int steps, double meanLossSoFar) {}

    /** Tells both, first then second. */
    static TrainingListener both(TrainingListener first, TrainingListener second) {
        return new TrainingListener() {
            @Override
            public void started(ModelSummary summary, DeviceChoice device, PrecisionChoice precision) {
                first.started(summary, device, precision);
                second.started(summary, device, precision);
            }

            @Override
            public void lengthFitted(String decision) {
                first.lengthFitted(decision);
                second.lengthFitted(decision);
            }

            @Override
            public void readFromDisk(String how) {
                first.readFromDisk(how);
                second.readFromDisk(how);
            }

            @Override
            public void resumed(int epochsDone) {
                first.resumed(epochsDone);
                second.resumed(epochsDone);
            }

            @Override
            public void epochEnded(EpochRecord record) {
                first.epochEnded(record);
                second.epochEnded(record);
            }

            @Override
            public void stepEnded(int epoch, int epochs, int step, int steps, double meanLossSoFar) {
                first.stepEnded(epoch, epochs, step, steps, meanLossSoFar);
                second.stepEnded(epoch, epochs, step, steps, meanLossSoFar);
            }
        };
    }
}
