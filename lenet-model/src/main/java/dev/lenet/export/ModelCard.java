package dev.lenet.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lenet.LeNetException;
import dev.lenet.Versions;
import dev.lenet.contract.CardSummary;
import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelSignature;
import dev.lenet.data.Dataset;
import dev.lenet.evaluation.Calibration;
import dev.lenet.evaluation.Evaluation;
import dev.lenet.evaluation.Figures;
import dev.lenet.evaluation.Robustness;
import dev.lenet.evaluation.SetResult;
import dev.lenet.model.LeNetParameter;
import dev.lenet.training.EpochRecord;
import dev.lenet.training.StopReason;
import dev.lenet.training.TrainingConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a model is and how good it is, shipped inside the model artifact as JSON and Markdown. Holds nothing
 * that changes from run to run on the same inputs (no dates, no timings, no paths), so it is reproducible.
 */
public record ModelCard(
        String format,
        String model,
        int parameters,
        List<String> classes,
        double testAccuracy,
        long testCorrect,
        long testImages,
        int trainImages,
        double[] perClassAccuracy,
        long[][] confusionMatrix,
        Map<String, Object> hyperparameters,
        List<Epoch> history,
        Stopping stopping,
        DatasetDigest dataset,
        String device,
        String tensorflowVersion,
        String lenetVersion,
        Signature signature,
        Calibration calibration,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Robustness.Result> robustness,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SetResult> evaluationSets,
        @JsonInclude(JsonInclude.Include.NON_NULL) String trainingLength) {

    public ModelCard {
        robustness = robustness == null ? List.of() : List.copyOf(robustness);
        evaluationSets = evaluationSets == null ? List.of() : List.copyOf(evaluationSets);
    }

    /** One epoch's figures; only what is the same on every run with the same inputs (no timings). */
    public record Epoch(
            int epoch,
            double learningRate,
            double loss,
            double trainAccuracy,
            Double validationLoss,
            Double validationAccuracy,
            Double testAccuracy) {}

    /** The rules that could end training early, and how it ended. */
    public record Stopping(
            int validationSize,
            String monitor,
            int patience,
            double minDelta,
            String maxTrainingTime,
            boolean cutByTimeBudget,
            int keptEpoch,
            String stopReason) {}

    /** The SHA-256s of what the model was trained and tested on. */
    public record DatasetDigest(
            String trainImagesSha256, String trainLabelsSha256, String testImagesSha256, String testLabelsSha256) {
        public static DatasetDigest of(Dataset data) {
            return new DatasetDigest(
                    data.train().imagesSha256(),
                    data.train().labelsSha256(),
                    data.test().imagesSha256(),
                    data.test().labelsSha256());
        }
    }

    public record Signature(String tag, String key, String method, String input, String[] outputs) {}

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** @param trainingLength how the epochs were fitted to the data; null when the build set them */
    public static ModelCard of(
            TrainingConfig config,
            String trainingLength,
            Evaluation test,
            List<EpochRecord> epochs,
            StopReason stop,
            Dataset data,
            String device) {
        dev.lenet.training.Stopping rules = config.stopping();
        return new ModelCard(
                CardSummary.FORMAT,
                "LeNet-5",
                LeNetParameter.totalSize(data.classes().size()),
                data.classes(),
                test.accuracy(),
                test.correct(),
                test.total(),
                data.train().count(),
                test.perClassAccuracy(),
                test.confusion(),
                config.recorded(),
                epochs.stream()
                        .map(e -> new Epoch(
                                e.epoch(),
                                e.learningRate(),
                                e.meanLoss(),
                                e.trainAccuracy(),
                                e.validationLoss(),
                                e.validationAccuracy(),
                                e.testAccuracy()))
                        .toList(),
                new Stopping(
                        rules.validationSize(),
                        rules.monitor().text(),
                        rules.patience(),
                        rules.minDelta(),
                        rules.maxTrainingTime() == null
                                ? null
                                : rules.maxTrainingTime().toString(),
                        stop.cutByTimeBudget(),
                        stop.keptEpoch(),
                        stop.message()),
                DatasetDigest.of(data),
                device,
                Versions.tensorflow(),
                Versions.lenet(),
                new Signature(
                        ModelSignature.TAG,
                        ModelSignature.SIGNATURE,
                        ModelSignature.METHOD,
                        "image: uint8 [-1,28,28]",
                        new String[] {
                            "logits: float [-1," + data.classes().size() + "]",
                            "probabilities: float [-1," + data.classes().size() + "]",
                            "class: int64 [-1]"
                        }),
                null,
                List.of(),
                List.of(),
                trainingLength);
    }

    /**
     * The card of a model evaluated again, here and now: its own training facts (from {@code trained}, which may be
     * null for a model trained elsewhere) with this evaluation's figures and dataset.
     */
    public static ModelCard evaluated(ModelCard trained, Evaluation test, Dataset data) {
        return new ModelCard(
                CardSummary.FORMAT,
                trained == null ? "unknown" : trained.model(),
                trained == null ? 0 : trained.parameters(),
                data.classes(),
                test.accuracy(),
                test.correct(),
                test.total(),
                data.train().count(),
                test.perClassAccuracy(),
                test.confusion(),
                trained == null ? null : trained.hyperparameters(),
                trained == null ? List.of() : trained.history(),
                trained == null ? null : trained.stopping(),
                DatasetDigest.of(data),
                trained == null ? null : trained.device(),
                Versions.tensorflow(),
                Versions.lenet(),
                trained == null ? null : trained.signature(),
                null,
                List.of(),
                List.of(),
                trained == null ? null : trained.trainingLength());
    }

    /** This card with the figures of the further checks: calibration, and those the build asked for. */
    public ModelCard withChecks(Calibration calibration, List<Robustness.Result> robustness, List<SetResult> sets) {
        return new ModelCard(
                format,
                model,
                parameters,
                classes,
                testAccuracy,
                testCorrect,
                testImages,
                trainImages,
                perClassAccuracy,
                confusionMatrix,
                hyperparameters,
                history,
                stopping,
                dataset,
                device,
                tensorflowVersion,
                lenetVersion,
                signature,
                calibration,
                robustness,
                sets,
                trainingLength);
    }

    /** What the gates judge. */
    public Figures figures() {
        return new Figures(testAccuracy, classes, perClassAccuracy, calibration, robustness, evaluationSets);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new LeNetException("cannot write the model card as JSON: " + Causes.describe(e), e);
        }
    }

    public static ModelCard fromJson(String json) {
        try {
            return JSON.readValue(json, ModelCard.class);
        } catch (IOException e) {
            throw new LeNetException("not a LeNet model card (" + Causes.describe(e) + ")", e);
        }
    }

    /** The card as Markdown, for people: figures, hyperparameters, the history, the data's hashes. */
    public String toMarkdown() {
        return ModelCardMarkdown.render(this);
    }
}
