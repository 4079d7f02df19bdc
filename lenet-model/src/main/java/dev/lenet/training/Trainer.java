package dev.lenet.training;

import dev.lenet.InvalidParameterException;
import dev.lenet.data.Dataset;
import dev.lenet.data.DatasetBudget;
import dev.lenet.data.LabeledImages;
import dev.lenet.evaluation.Predictions;
import dev.lenet.model.ModelSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Trains LeNet-5 with Adam: the loop that moves a {@link TrainingState} on, epoch by epoch, through the
 * {@link TrainingGraph}. A step is one session call that feeds five scalars; the data, the shuffle and the batches live
 * in the runtime, except for a training set left on disk, whose batches are read and fed in the same order. Owns its Graph and Session: close it.
 */
public final class Trainer implements AutoCloseable {
    /** Seed streams: weights use 0..9 (the parameter's ordinal), shuffles this plus the epoch. */
    private static final long SHUFFLE_STREAM = 1_000_000L;

    private final TrainingConfig config;
    private final LabeledImages train;
    private final LabeledImages validation;
    private final LabeledImages test;
    private final DeviceChoice device;
    private final PrecisionChoice precision;
    private final TrainingSession session;
    private final Fingerprint fingerprint;
    private final String lengthDecision;
    private final StepCurve curve;

    /** @param requested the run's settings; epochs auto are fitted to the images trained on */
    public Trainer(TrainingConfig requested, Dataset data) {
        this.fingerprint = Fingerprint.of(requested, data);
        if (requested.stopping().validates()) {
            LabeledImages[] parts =
                    ValidationSplit.split(data.train(), requested.stopping().validationSize(), requested.seed());
            this.train = parts[0];
            this.validation = parts[1];
        } else {
            this.train = data.train();
            this.validation = null;
        }
        TrainingLength.Fitted fitted = TrainingLength.fit(requested, train.count());
        this.device = DeviceChoice.choose(requested.device());
        this.precision = PrecisionChoice.choose(requested.precision(), device.gpu(), Processor.current());
        this.config =
                fitted.config().toBuilder().precision(precision.precision()).build();
        this.lengthDecision = fitted.decision();
        this.curve = new StepCurve(config.stepsPerEpoch(train.count()), config.epochs());
        this.test = data.test();
        if (config.batchSize() > train.count()) {
            throw new InvalidParameterException(
                    "batchSize",
                    config.batchSize(),
                    "larger than the " + train.count() + " training images; use at most " + train.count());
        }
        // A training set left on disk is fed a batch at a time; the batches, and so the bits, are the same.
        this.session = new TrainingSession(
                config,
                train.count(),
                data.classes().size(),
                device,
                !train.pixels().inMemory());
    }

    public ModelSummary summary() {
        return session.nodes().step().summary();
    }

    /** The settings trained with: the requested ones, epochs fitted and the precision chosen where they were auto. */
    public TrainingConfig config() {
        return config;
    }

    /** How the epochs were fitted, in a sentence; null when the build set them. */
    public String lengthDecision() {
        return lengthDecision;
    }

    public DeviceChoice device() {
        return device;
    }

    /** Trains for the configured epochs, telling {@code listener} after each, and returns the result. */
    public TrainingResult train(TrainingListener listener) {
        return train(listener, null);
    }

    /**
     * Trains, writing the whole training state to {@code checkpoints} after each epoch (null writes none). A
     * checkpoint left there by an interrupted run of the same {@link Fingerprint} is resumed, and the run ends with the same bits
     * as one never interrupted.
     */
    public TrainingResult train(TrainingListener listener, Path checkpoints) {
        listener.started(session.nodes().step().summary(), device, precision);
        if (lengthDecision != null) {
            listener.lengthFitted(lengthDecision);
        }
        if (!train.pixels().inMemory()) {
            listener.readFromDisk(String.format(
                    Locale.ROOT,
                    "%,d images (%s of pixels), read from disk a batch at a time: more than half of this JVM's heap"
                            + " (%s). A larger heap (jvmArgs -Xmx) holds them in memory; the model is the same",
                    train.count(),
                    DatasetBudget.text(train.pixels().bytes()),
                    DatasetBudget.text(Runtime.getRuntime().maxMemory())));
        }
        session.loadAndInitialize(train);

        Stopping stopping = config.stopping();
        String fingerprint = this.fingerprint.text();
        TrainingState state = TrainingState.start();
        Checkpoint resumed = checkpoints == null ? null : Checkpoint.read(checkpoints);
        if (resumed != null
                && resumed.fingerprint().equals(fingerprint)
                && resumed.state().epochsDone() < config.epochs()) {
            state = resumed.state();
            session.load(state.weights(), state.firstMoments(), state.secondMoments());
            listener.resumed(state.epochsDone());
        }

        Deadline deadline = new Deadline(
                stopping.maxTrainingTime() == null
                        ? Long.MAX_VALUE
                        : stopping.maxTrainingTime().toNanos());
        Stop stop = null;
        Predictions lastTest = null;
        while (state.epochsDone() < config.epochs() && stop == null) {
            int epoch = state.epochsDone();
            EpochSteps steps = runEpoch(epoch, state.steps(), deadline, listener);
            if (steps.seen() == 0) {
                stop = budgetRanOut("before epoch " + (epoch + 1));
                break;
            }
            // Without a validation set nothing judges an epoch, so the test set is evaluated once, after the last
            // one (an evaluation costs about a quarter of a second on MNIST).
            boolean lastEpoch = epoch + 1 == config.epochs() || steps.outOfTime();
            Predictions judged = validation != null ? evaluate(validation) : lastEpoch ? evaluate(test) : null;
            lastTest = validation != null ? null : judged;
            EpochRecord record = record(epoch, steps, judged, lastTest);
            state = state.after(record, steps.stepsAfter());
            if (validation != null) {
                state = judge(state, record);
                if (stopping.patience() > 0 && state.epochsSinceBest() >= stopping.patience()) {
                    stop = new Stop(
                            StopReason.Ending.EARLY_STOPPING,
                            "early stopping after epoch " + (epoch + 1) + ": "
                                    + stopping.monitor().text()
                                    + " did not improve by " + stopping.minDelta() + " for "
                                    + state.epochsSinceBest() + " epochs");
                }
            }
            if (steps.outOfTime()) {
                stop = budgetRanOut(
                        "during epoch " + (epoch + 1) + " (" + steps.seen() + " of " + train.count() + " images)");
            }
            if (checkpoints != null) {
                state = checkpoint(state, fingerprint, checkpoints);
            }
            listener.epochEnded(record);
        }
        return finish(state, stop, lastTest, checkpoints);
    }

    /** Writes the whole state after an epoch, weights and Adam's moments with it. */
    private TrainingState checkpoint(TrainingState state, String fingerprint, Path checkpoints) {
        TrainingState withVariables = state.withVariables(
                session.weights(),
                session.read(session.nodes().state().firstMoments()),
                session.read(session.nodes().state().secondMoments()));
        new Checkpoint(fingerprint, withVariables).write(checkpoints);
        return withVariables;
    }

    /** Why the loop ended early, in a sentence. */
    private record Stop(StopReason.Ending ending, String message) {}

    private Stop budgetRanOut(String when) {
        return new Stop(
                StopReason.Ending.TIME_BUDGET,
                "the time budget of " + config.stopping().maxTrainingTime() + " ran out " + when);
    }

    /** An epoch's figures: its steps', and the validation set's or the test set's when one was judged. */
    private EpochRecord record(int epoch, EpochSteps steps, Predictions judged, Predictions lastTest) {
        return new EpochRecord(
                epoch + 1,
                config.epochs(),
                steps.lastRate(),
                steps.lossSum() / steps.seen(),
                (double) steps.correct() / steps.seen(),
                validation != null ? crossEntropy(judged, validation) : null,
                validation != null ? judged.evaluation().accuracy() : null,
                lastTest == null ? null : lastTest.evaluation().accuracy(),
                steps.seconds(),
                steps.seen() / steps.seconds(),
                ProcessMemory.residentBytes());
    }

    /** Keeps this epoch's weights when the monitored figure improved on the best by at least minDelta. */
    private TrainingState judge(TrainingState state, EpochRecord record) {
        Stopping stopping = config.stopping();
        double score = stopping.monitor().score(record.validationLoss(), record.validationAccuracy());
        return state.improvesOn(score, stopping.minDelta())
                ? state.withBest(session.weights(), score)
                : state.withoutImprovement();
    }

    /** The time budget, counted from the first step of this run. */
    private record Deadline(long budgetNanos, long started) {
        Deadline(long budgetNanos) {
            this(budgetNanos, System.nanoTime());
        }

        boolean passed() {
            return System.nanoTime() - started > budgetNanos;
        }
    }

    /** What one epoch's steps did; {@code seen} is 0 when the budget ran out before its first step. */
    private record EpochSteps(
            long stepsAfter,
            double lastRate,
            double lossSum,
            long correct,
            int seen,
            boolean outOfTime,
            double seconds) {}

    private EpochSteps runEpoch(int epoch, long stepsBefore, Deadline deadline, TrainingListener listener) {
        int n = train.count();
        int stepsPerEpoch = config.stepsPerEpoch(n);
        long t = stepsBefore;
        double rate = config.rate(t, stepsPerEpoch);
        long started = System.nanoTime();
        session.shuffle(config.seed(), SHUFFLE_STREAM + epoch);
        double lossSum = 0;
        long correct = 0;
        int seen = 0;
        boolean outOfTime = false;
        for (int s = 0; s < stepsPerEpoch; s++) {
            if (deadline.passed()) {
                outOfTime = true;
                break;
            }
            rate = config.rate(t, stepsPerEpoch);
            t++;
            int start = s * config.batchSize();
            int size = Math.min(config.batchSize(), n - start);
            TrainingSession.StepResult step =
                    session.step(start, size, rate, t, config.beta1(), config.beta2(), config.seed());
            if (!Double.isFinite(step.loss())) {
                throw new TrainingDivergedException(epoch + 1, s + 1, step.loss(), rate);
            }
            lossSum += step.loss() * size;
            correct += step.correct();
            seen += size;
            curve.add(t, step.loss(), step.correct(), size, rate, s == stepsPerEpoch - 1);
            listener.stepEnded(epoch + 1, config.epochs(), s + 1, stepsPerEpoch, lossSum / seen);
        }
        return new EpochSteps(t, rate, lossSum, correct, seen, outOfTime, (System.nanoTime() - started) / 1e9);
    }

    /** Restores the best epoch's weights where there is one, and evaluates what is kept on the test set. */
    private TrainingResult finish(TrainingState state, Stop ended, Predictions lastTest, Path checkpoints) {
        List<EpochRecord> history = state.history();
        int kept = history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
        Stop end = ended != null
                ? ended
                : new Stop(StopReason.Ending.COMPLETED, "completed " + config.epochs() + " epochs");
        String stop = end.message();
        if (state.best() != null) {
            if (state.bestEpoch() != kept) {
                session.load(state.best(), null, null);
            }
            kept = state.bestEpoch();
            stop += "; kept epoch " + kept + ", the best by "
                    + config.stopping().monitor().text();
        }
        if (checkpoints != null) {
            Checkpoint.delete(checkpoints);
        }
        // Without a validation set the weights are the last epoch's, which that epoch already evaluated on the test
        // set.
        Predictions finalTest = state.best() == null && lastTest != null ? lastTest : evaluate(test);
        return new TrainingResult(
                session.weights(),
                history,
                finalTest,
                device,
                session.nodes().step().summary(),
                new StopReason(kept, stop, end.ending()),
                fingerprint,
                curve.points());
    }

    private static double crossEntropy(Predictions predictions, LabeledImages digits) {
        double sum = 0;
        for (int i = 0; i < digits.count(); i++) {
            sum -= Math.log(Math.max(predictions.probabilities()[i][digits.label(i)], 1e-12));
        }
        return sum / digits.count();
    }

    /** Predictions of the current weights on {@code digits}, in large batches. */
    public Predictions evaluate(LabeledImages digits) {
        return session.evaluate(digits);
    }

    /** The current weights, copied out of the runtime. */
    public TrainedWeights weights() {
        return session.weights();
    }

    @Override
    public void close() {
        session.close();
    }
}
