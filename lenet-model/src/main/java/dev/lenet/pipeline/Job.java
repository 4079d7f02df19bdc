package dev.lenet.pipeline;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.lenet.data.DatasetBudget;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.Gates;
import dev.lenet.export.ModelExport;
import dev.lenet.training.TrainingConfig;
import java.nio.file.Path;

/**
 * What one run is asked to do, whichever JVM runs it ({@link Execution}): train a model, or evaluate an existing one.
 * A child JVM gets it as JSON, its kind named.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Job.Train.class, name = "train"),
    @JsonSubTypes.Type(value = Job.Evaluate.class, name = "evaluate")
})
public sealed interface Job {
    /** The prepared dataset's directory. */
    Path dataset();

    /** The most pixels one images file of the dataset (or of an evaluation set) may hold. */
    long maxDatasetBytes();

    /** The budget the JVM running the job reads its datasets with. */
    default DatasetBudget budget() {
        return DatasetBudget.forThisJvm(maxDatasetBytes());
    }

    /**
     * Train and evaluate the model, write it into {@code savedModel}, judge it, and export it if it passes.
     *
     * @param tensorboard where TensorBoard's event files go; null writes none
     * @param checkpoints where the training state is saved after each epoch, and resumed from
     * @param baseline a released model to evaluate on the same test set; null for none
     * @param checks what is measured beyond the test accuracy (corruptions, further sets)
     * @param gates what the model must pass to be exported
     * @param export where the model artifact and its ML-BOM go when it passes
     */
    record Train(
            Path dataset,
            TrainingConfig config,
            Path savedModel,
            Path tensorboard,
            Path checkpoints,
            Baseline baseline,
            Checks checks,
            Gates gates,
            ModelExport.Target export,
            long maxDatasetBytes)
            implements Job {}

    /** Evaluate an existing model (a SavedModel directory or a model artifact), and a baseline beside it. */
    record Evaluate(Path dataset, Path model, Baseline baseline, Checks checks, long maxDatasetBytes) implements Job {}
}
