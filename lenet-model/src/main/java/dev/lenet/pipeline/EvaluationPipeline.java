package dev.lenet.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelException;
import dev.lenet.data.Dataset;
import dev.lenet.evaluation.BaselineResult;
import dev.lenet.evaluation.Evaluation;
import dev.lenet.evaluation.Predictions;
import dev.lenet.export.ModelCard;
import dev.lenet.inference.LeNetClassifier;
import dev.lenet.inference.UnsupportedPlatformException;
import java.io.IOException;
import java.nio.file.Path;

/** Evaluates an existing model (and optionally a baseline) on a dataset's test set. Loads TensorFlow. */
public final class EvaluationPipeline {
    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private EvaluationPipeline() {}

    /**
     * The evaluated model's card (its training facts where it carries a card, this evaluation's figures) and the
     * baseline's figures on the same test set, null without one.
     */
    public record Report(ModelCard card, BaselineResult baseline) {
        public void write(Path file) throws IOException {
            JSON.writeValue(file.toFile(), this);
        }

        public static Report read(Path file) {
            try {
                return JSON.readValue(file.toFile(), Report.class);
            } catch (IOException e) {
                throw new LeNetException("cannot read the evaluation report " + file + ": " + Causes.describe(e), e);
            }
        }
    }

    /** The model on the test set, which must have the model's classes in the model's order. */
    static Evaluation evaluate(LeNetClassifier model, String name, Dataset data) {
        if (!model.classes().equals(data.classes())) {
            throw new LeNetException(name + " classifies " + model.classes() + " but the dataset " + data.location()
                    + " has the classes " + data.classes() + ". Evaluate a model on a dataset with its classes");
        }
        return Predictions.of(data.test(), model.classes().size(), model::probabilities)
                .evaluation();
    }

    /** Opens a model to evaluate; a model that cannot be loaded is the build's error, naming it. */
    static LeNetClassifier open(Path artifact) {
        try {
            return LeNetClassifier.open(artifact);
        } catch (ModelException | UnsupportedPlatformException e) {
            throw new LeNetException(e.getMessage(), e);
        }
    }

    /** Runs a {@link Job.Evaluate} in this JVM. */
    public static Report execute(Job.Evaluate job) {
        return execute(job.dataset(), job.model(), job.baseline());
    }

    public static Report execute(Path dataset, Path model, Baseline baseline) {
        Dataset data = ParallelStart.loadTensorFlowAndRead(dataset);
        Evaluation evaluation;
        ModelCard trained;
        try (LeNetClassifier classifier = open(model)) {
            evaluation = evaluate(classifier, model.toString(), data);
            trained = classifier.cardJson() == null ? null : ModelCard.fromJson(classifier.cardJson());
        }
        BaselineResult baselineResult = baseline == null ? null : TrainingPipeline.evaluateBaseline(baseline, data);
        return new Report(ModelCard.evaluated(trained, evaluation, data), baselineResult);
    }
}
