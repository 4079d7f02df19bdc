package dev.lenet.training;

import dev.lenet.evaluation.Predictions;
import dev.lenet.model.ModelSummary;
import java.util.List;

/** What training produced: final weights, per-epoch history, and the final test predictions. */
public record TrainingResult(
        TrainedWeights weights,
        List<EpochRecord> epochs,
        Predictions test,
        DeviceChoice device,
        ModelSummary summary,
        StopReason stop,
        Fingerprint fingerprint,
        List<StepPoint> steps) {}
