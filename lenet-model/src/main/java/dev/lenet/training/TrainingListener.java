package dev.lenet.training;

import dev.lenet.model.ModelSummary;

/** Told what training does, as it does it. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {};

    default void started(ModelSummary summary, DeviceChoice device) {}

    default void epochEnded(EpochRecord record) {}
}
