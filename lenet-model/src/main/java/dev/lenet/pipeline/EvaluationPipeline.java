package dev.lenet.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelException;
import dev.lenet.data.Dataset;
import dev.lenet.data.LabeledImages;
import dev.lenet.evaluation.BaselineResult;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.Evaluation;
import dev.lenet.evaluation.Predictions;
import dev.lenet.export.ModelCard;
import dev.lenet.inference.LeNetClassifier;
import dev.lenet.inference.UnsupportedPlatformException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/** Evaluates an existing model (and optionally a baseline) on a dataset's test set. Loads TensorFlow. */
public final class EvaluationPipeline {
    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private EvaluationPipeline() {}

    /**
     * The evaluated model's card (its training facts where it carries a card, this evaluation's figures) and the
     * baseline's figures on the same test set, null without one.
     */
    public record Report(ModelCard card, BaselineResult baseline, Checks.Seconds checkSeconds) {
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
        requireSameClasses(model, name, data);
        return Predictions.of(data.test(), model.classes().size(), model::probabilities)
                .evaluation();
    }

    private static void requireSameClasses(LeNetClassifier model, String name, Dataset data) {
        if (!model.classes().equals(data.classes())) {
            throw new LeNetException(name + " classifies " + model.classes() + " but the dataset " + data.location()
                    + " has the classes " + data.classes() + ". Evaluate a model on a dataset with its classes");
        }
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
        Path model = job.model();
        Dataset data = ParallelStart.loadTensorFlowAndRead(job.dataset(), job.budget());
        Predictions predictions;
        Checks.Measured measured;
        ModelCard trained;
        try (LeNetClassifier classifier = open(model)) {
            requireSameClasses(classifier, model.toString(), data);
            Function<LabeledImages, Predictions> predict =
                    images -> Predictions.of(images, classifier.classes().size(), classifier::probabilities);
            predictions = predict.apply(data.test());
            measured = job.checks().measure(data.classes(), data.test(), predictions, predict, job.budget());
            trained = classifier.cardJson() == null ? null : ModelCard.fromJson(classifier.cardJson());
        }
        Evaluation evaluation = predictions.evaluation();
        Baseline baseline = job.baseline();
        BaselineResult baselineResult = baseline == null ? null : TrainingPipeline.evaluateBaseline(baseline, data);
        return new Report(
                ModelCard.evaluated(trained, evaluation, data)
                        .withChecks(measured.calibration(), measured.robustness(), measured.sets()),
                baselineResult,
                measured.seconds());
    }
}
