package dev.lenet.pipeline;

import dev.lenet.contract.ModelArtifact;
import dev.lenet.data.Dataset;
import dev.lenet.data.DatasetBudget;
import dev.lenet.evaluation.BaselineResult;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.DigitExample;
import dev.lenet.evaluation.Examples;
import dev.lenet.evaluation.Predictions;
import dev.lenet.evaluation.Verdict;
import dev.lenet.export.ModelCard;
import dev.lenet.export.ModelExport;
import dev.lenet.export.OnnxExport;
import dev.lenet.export.SavedModelExport;
import dev.lenet.inference.LeNetClassifier;
import dev.lenet.report.TensorBoardListener;
import dev.lenet.training.Trainer;
import dev.lenet.training.TrainingConfig;
import dev.lenet.training.TrainingListener;
import dev.lenet.training.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A training run in one call, in the JVM that has TensorFlow: read and validate the data, train, evaluate (the baseline
 * too), write the frozen SavedModel and the ONNX model, judge the gates, and export the model artifact if it passes.
 */
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

    /**
     * What a run produced.
     *
     * @param verdict the gates' verdict; null when the run was given no gates
     */
    public record Outcome(
            ModelCard card,
            Verdict verdict,
            TrainingResult training,
            Checks.Seconds checkSeconds,
            Dataset dataset,
            Path savedModel,
            List<DigitExample> firstDigits,
            List<DigitExample> confidentlyWrong) {}

    /**
     * Runs a {@link Job.Train} in this JVM: trains, writes the model into its directory, judges it, and exports it if
     * it passes. A model that fails is left in its directory, without card or artifact, for a person to look at.
     */
    public static Outcome execute(Job.Train job, TrainingListener listener) {
        Dataset data = ParallelStart.loadTensorFlowAndRead(job.dataset(), job.budget());
        Trained trained = train(
                data,
                job.config(),
                job.checks(),
                job.budget(),
                job.savedModel(),
                job.tensorboard(),
                job.checkpoints(),
                listener);
        BaselineResult baseline = job.baseline() == null ? null : evaluateBaseline(job.baseline(), data);
        Verdict verdict = job.gates().judge(trained.card().figures(), baseline);
        if (verdict.passed()) {
            ModelExport.write(job.savedModel(), trained.card(), verdict, job.export());
        }
        return trained.outcome(verdict, data, job.savedModel());
    }

    /**
     * Trains and writes the model's files, without gates or export.
     *
     * @param tensorboard where to write TensorBoard event files; null writes none
     */
    public static Outcome execute(
            Path dataset, TrainingConfig config, Path savedModel, Path tensorboard, TrainingListener listener) {
        DatasetBudget budget = DatasetBudget.forThisJvm(DatasetBudget.DEFAULT_MAX_BYTES);
        Dataset data = ParallelStart.loadTensorFlowAndRead(dataset, budget);
        return train(data, config, Checks.none(), budget, savedModel, tensorboard, null, listener)
                .outcome(null, data, savedModel);
    }

    /** A trained model whose files are written, and its card. */
    private record Trained(ModelCard card, TrainingResult result, Checks.Seconds checkSeconds) {
        Outcome outcome(Verdict verdict, Dataset data, Path savedModel) {
            Predictions test = result.test();
            return new Outcome(
                    card,
                    verdict,
                    result,
                    checkSeconds,
                    data,
                    savedModel,
                    Examples.first(data.test(), test.predicted(), test.probabilities(), FIRST_DIGITS),
                    Examples.mostConfidentlyWrong(data.test(), test.predicted(), test.probabilities(), WRONG_DIGITS));
        }
    }

    /**
     * @param checkpoints where the training state goes after each epoch, and an interrupted run's state is resumed
     *     from; null keeps none
     */
    private static Trained train(
            Dataset data,
            TrainingConfig config,
            Checks checks,
            DatasetBudget budget,
            Path savedModel,
            Path tensorboard,
            Path checkpoints,
            TrainingListener listener) {
        TrainingResult result;
        Checks.Measured measured;
        TrainingConfig trained;
        String length;
        try (Trainer trainer = new Trainer(config, data);
                TensorBoardListener board = tensorboard == null ? null : new TensorBoardListener(tensorboard)) {
            result = trainer.train(board == null ? listener : TrainingListener.both(listener, board), checkpoints);
            measured = checks.measure(data.classes(), data.test(), result.test(), trainer::evaluate, budget);
            trained = trainer.config();
            length = trainer.lengthDecision();
        }
        ModelCard card = ModelCard.of(
                        trained,
                        length,
                        result.test().evaluation(),
                        result.epochs(),
                        result.stop(),
                        data,
                        result.device().device())
                .withChecks(measured.calibration(), measured.robustness(), measured.sets());
        SavedModelExport.write(
                result.weights(),
                config.scaleInput(),
                savedModel,
                Map.of(ModelArtifact.ONNX, OnnxExport.bytes(result.weights(), config.scaleInput(), data.classes())));
        return new Trained(card, result, measured.seconds());
    }
}
