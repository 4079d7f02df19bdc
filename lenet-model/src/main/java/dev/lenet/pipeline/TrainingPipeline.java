package dev.lenet.pipeline;

import dev.lenet.contract.ModelArtifact;
import dev.lenet.data.Dataset;
import dev.lenet.evaluation.BaselineResult;
import dev.lenet.evaluation.DigitExample;
import dev.lenet.evaluation.Examples;
import dev.lenet.evaluation.Predictions;
import dev.lenet.export.ModelCard;
import dev.lenet.export.OnnxExport;
import dev.lenet.export.SavedModelExport;
import dev.lenet.inference.LeNetClassifier;
import dev.lenet.report.TensorBoardListener;
import dev.lenet.training.Trainer;
import dev.lenet.training.TrainingConfig;
import dev.lenet.training.TrainingListener;
import dev.lenet.training.TrainingResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The whole path in one call: read and validate the data, train, evaluate, export the frozen SavedModel and ONNX model with the card. */
public final class TrainingPipeline {
    private TrainingPipeline() {}

    /** The baseline model's figures on this run's test set. */
    static BaselineResult evaluateBaseline(Baseline baseline, Dataset data) {
        try (LeNetClassifier model = EvaluationPipeline.open(baseline.artifact())) {
            return BaselineResult.of(
                    baseline.name(), baseline.sha256(), EvaluationPipeline.evaluate(model, baseline.name(), data));
        }
    }

    /** Digits shown in the report: the first ones of the test set, as the reference shows them, and the worst misses. */
    static final int FIRST_DIGITS = 20;

    static final int WRONG_DIGITS = 12;

    /** What a run produced. */
    public record Outcome(
            ModelCard card,
            TrainingResult training,
            Dataset dataset,
            Path savedModel,
            List<DigitExample> firstDigits,
            List<DigitExample> confidentlyWrong) {}

    /** Runs a {@link Job.Train} in this JVM. */
    public static Outcome execute(Job.Train job, TrainingListener listener) {
        return execute(
                job.dataset(),
                job.config(),
                job.savedModel(),
                job.tensorboard(),
                job.checkpoints(),
                job.baseline(),
                listener);
    }

    /**
     * @param tensorboard where to write TensorBoard event files; null writes none
     */
    public static Outcome execute(
            Path dataset, TrainingConfig config, Path savedModel, Path tensorboard, TrainingListener listener) {
        return execute(dataset, config, savedModel, tensorboard, null, null, listener);
    }

    /**
     * @param checkpoints where the training state goes after each epoch, and an interrupted run's state is resumed
     *     from; null keeps none
     */
    public static Outcome execute(
            Path dataset,
            TrainingConfig config,
            Path savedModel,
            Path tensorboard,
            Path checkpoints,
            Baseline baseline,
            TrainingListener listener) {
        Dataset data = ParallelStart.loadTensorFlowAndRead(dataset);
        TrainingResult result;
        try (Trainer trainer = new Trainer(config, data);
                TensorBoardListener board = tensorboard == null ? null : new TensorBoardListener(tensorboard)) {
            result = trainer.train(board == null ? listener : TrainingListener.both(listener, board), checkpoints);
        }
        Predictions test = result.test();
        ModelCard card = ModelCard.of(
                config,
                test.evaluation(),
                result.epochs(),
                result.stop(),
                data,
                result.device().device(),
                baseline == null ? null : evaluateBaseline(baseline, data));
        SavedModelExport.write(
                result.weights(),
                config.scaleInput(),
                savedModel,
                Map.of(
                        ModelArtifact.CARD_JSON, card.toJson().getBytes(StandardCharsets.UTF_8),
                        ModelArtifact.CARD_MARKDOWN, card.toMarkdown().getBytes(StandardCharsets.UTF_8),
                        ModelArtifact.ONNX, OnnxExport.bytes(result.weights(), config.scaleInput(), data.classes())));
        return new Outcome(
                card,
                result,
                data,
                savedModel,
                Examples.first(data.test(), test.predicted(), test.probabilities(), FIRST_DIGITS),
                Examples.mostConfidentlyWrong(data.test(), test.predicted(), test.probabilities(), WRONG_DIGITS));
    }
}
