package dev.lenet.training;

import dev.lenet.data.Digits;
import dev.lenet.data.MnistDataset;
import dev.lenet.evaluation.Evaluation;
import dev.lenet.model.GlorotUniform;
import dev.lenet.model.LeNet5;
import dev.lenet.model.LeNetParameter;
import dev.lenet.model.ModelSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * Trains LeNet-5 with Adam. The training set is loaded into the TensorFlow runtime once; each epoch's seeded
 * shuffle and every batch are cut inside the graph, so a step is one session call that feeds four scalars.
 * Owns its Graph and Session: close it.
 */
public final class Trainer implements AutoCloseable {
    /** Test images per evaluation call: large enough to keep the cores busy, small enough for modest memory. */
    static final int EVALUATION_BATCH = 2_000;
    /** Seed streams: weights use 0..9 (the parameter's ordinal), shuffles this plus the epoch. */
    private static final long SHUFFLE_STREAM = 1_000_000L;

    private final TrainingConfig config;
    private final Digits train;
    private final Digits validation;
    private final Digits test;
    private final DeviceChoice device;
    private final Graph graph = new Graph();
    private final Session session;
    private final Map<LeNetParameter, Variable<TFloat32>> weights;
    private final Map<LeNetParameter, Variable<TFloat32>> firstMoments = new EnumMap<>(LeNetParameter.class);
    private final Map<LeNetParameter, Variable<TFloat32>> secondMoments = new EnumMap<>(LeNetParameter.class);
    private final Map<Variable<TFloat32>, Placeholder<TFloat32>> stateFeeds = new java.util.HashMap<>();
    private final Map<Variable<TFloat32>, Op> stateAssigns = new java.util.HashMap<>();
    private final ModelSummary summary;

    private final Placeholder<TUint8> imagesFeed;
    private final Placeholder<TInt32> labelsFeed;
    private final Op loadData;
    private final Op initialize;
    private final Placeholder<TInt64> shuffleSeed;
    private final Op shuffle;
    private final Placeholder<TInt32> batchStart;
    private final Placeholder<TInt32> batchSize;
    private final Placeholder<TFloat32> learningRate;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final Operand<TFloat32> batchLoss;
    private final Operand<TInt32> batchCorrect;
    private final Op step;
    private final Placeholder<TUint8> image;
    private final Operand<TFloat32> probabilities;

    public Trainer(TrainingConfig config, MnistDataset data) {
        this.config = config;
        try {
            Stopping stopping = config.stopping();
            if (stopping.validates()) {
                Digits[] parts = ValidationSplit.split(data.train(), stopping.validationSize(), config.seed());
                this.train = parts[0];
                this.validation = parts[1];
            } else {
                this.train = data.train();
                this.validation = null;
            }
            this.test = data.test();
            this.device = DeviceChoice.choose(config.device());
            if (config.batchSize() > train.count()) {
                throw new dev.lenet.InvalidParameterException("batchSize", config.batchSize(),
                        "larger than the " + train.count() + " training images; use at most " + train.count());
            }
            Ops tf = Ops.create(graph);
            int n = train.count();

            imagesFeed = tf.placeholder(TUint8.class, Placeholder.shape(Shape.of(n, Digits.ROWS, Digits.COLUMNS)));
            labelsFeed = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(n)));
            Variable<TUint8> images = tf.withName("train_images").variable(Shape.of(n, Digits.ROWS, Digits.COLUMNS), TUint8.class);
            Variable<TInt32> labels = tf.withName("train_labels").variable(Shape.of(n), TInt32.class);
            loadData = tf.withControlDependencies(List.of(tf.assign(images, imagesFeed), tf.assign(labels, labelsFeed))).noOp();

            weights = LeNet5.variables(tf);
            List<Op> initializers = new ArrayList<>();
            for (LeNetParameter p : LeNetParameter.all()) {
                Operand<TFloat32> initial = p.isBias()
                        ? tf.zeros(tf.constant(p.shape().asArray()), TFloat32.class)
                        : GlorotUniform.sample(tf, p.shape(), p.fanIn(), p.fanOut(), config.seed(), p.ordinal());
                initializers.add(tf.assign(weights.get(p), initial));
                Variable<TFloat32> m = tf.withName(p.variableName() + "_adam_m").variable(p.shape(), TFloat32.class);
                Variable<TFloat32> v = tf.withName(p.variableName() + "_adam_v").variable(p.shape(), TFloat32.class);
                initializers.add(tf.assign(m, tf.zeros(tf.constant(p.shape().asArray()), TFloat32.class)));
                initializers.add(tf.assign(v, tf.zeros(tf.constant(p.shape().asArray()), TFloat32.class)));
                firstMoments.put(p, m);
                secondMoments.put(p, v);
            }
            for (LeNetParameter p : LeNetParameter.all()) {
                for (Variable<TFloat32> v : List.of(weights.get(p), firstMoments.get(p), secondMoments.get(p))) {
                    Placeholder<TFloat32> feed = tf.placeholder(TFloat32.class, Placeholder.shape(p.shape()));
                    stateFeeds.put(v, feed);
                    stateAssigns.put(v, tf.assign(v, feed));
                }
            }
            Variable<TInt32> order = tf.withName("shuffled_order").variable(Shape.of(n), TInt32.class);
            initializers.add(tf.assign(order, tf.range(tf.constant(0), tf.constant(n), tf.constant(1))));
            initialize = tf.withControlDependencies(initializers).noOp();

            shuffleSeed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
            Operand<TFloat32> keys = tf.random.statelessRandomUniform(tf.constant(new int[] {n}), shuffleSeed);
            shuffle = tf.assign(order, tf.nn.topK(keys, tf.constant(n), new org.tensorflow.op.nn.TopK.Options[0]).indices());

            batchStart = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(1)));
            batchSize = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(1)));
            Operand<TInt32> indices = tf.slice(order, batchStart, batchSize);
            Operand<TUint8> batchImages = tf.gather(images, indices, tf.constant(0));
            Operand<TInt32> batchLabels = tf.gather(labels, indices, tf.constant(0));

            LeNet5.Forward forward = LeNet5.forward(tf, batchImages, weights, config.scaleInput());
            summary = ModelSummary.of(forward);
            SparseSoftmaxCrossEntropyWithLogits<TFloat32> crossEntropy =
                    tf.nn.sparseSoftmaxCrossEntropyWithLogits(forward.logits(), batchLabels);
            batchLoss = tf.math.mean(crossEntropy.loss(), tf.constant(0));
            batchCorrect = tf.sum(tf.dtypes.cast(
                    tf.math.equal(tf.math.argMax(forward.logits(), tf.constant(1), TInt32.class), batchLabels),
                    TInt32.class), tf.constant(0));

            learningRate = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            beta1Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            beta2Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            List<Variable<TFloat32>> parameters = LeNetParameter.all().stream().map(weights::get).toList();
            // TensorFlow has no registered gradient for the fused loss op, but the op itself returns d(loss)/d(logits):
            // start back-propagation there, scaled for the batch mean.
            Operand<TFloat32> logitsGradient = tf.math.div(crossEntropy.backprop(),
                    tf.dtypes.cast(tf.reshape(batchSize, tf.constant(new int[0])), TFloat32.class));
            Gradients gradients = tf.gradients(forward.logits(), parameters, Gradients.dx(List.of(logitsGradient)));
            List<Op> gradientsDone = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                gradientsDone.add(tf.identity(gradients.dy(i)));
            }
            // Every gradient is computed before any weight changes: in-place updates racing with the backward pass
            // would make results depend on thread timing.
            Ops afterGradients = tf.withControlDependencies(gradientsDone);
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                LeNetParameter p = LeNetParameter.all().get(i);
                @SuppressWarnings("unchecked")
                Operand<TFloat32> gradient = (Operand<TFloat32>) (Operand<?>) gradients.dy(i);
                updates.add(afterGradients.train.applyAdam(weights.get(p), firstMoments.get(p), secondMoments.get(p),
                        beta1Power, beta2Power, learningRate, tf.constant((float) config.beta1()),
                        tf.constant((float) config.beta2()), tf.constant((float) config.epsilon()), gradient));
            }
            step = tf.withControlDependencies(updates).noOp();

            image = tf.withName(LeNet5.IMAGE).placeholder(TUint8.class,
                    Placeholder.shape(Shape.of(-1, Digits.ROWS, Digits.COLUMNS)));
            probabilities = tf.nn.softmax(LeNet5.forward(tf, image, weights, config.scaleInput()).logits());

            session = new Session(graph, device.sessionConfig(config.effectiveThreads()));
        } catch (RuntimeException | Error e) {
            // A half-built trainer is never closed by its caller: free the native graph here.
            graph.close();
            throw e;
        }
    }

    public ModelSummary summary() {
        return summary;
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
     * checkpoint left there by an interrupted run of the same inputs is resumed, and the run ends with the same bits
     * as one never interrupted.
     */
    public TrainingResult train(TrainingListener listener, Path checkpoints) {
        listener.started(summary, device);
        try (TUint8 allImages = TUint8.tensorOf(Shape.of(train.count(), Digits.ROWS, Digits.COLUMNS),
                        DataBuffers.of(train.images(), true, false));
                TInt32 allLabels = TInt32.tensorOf(Shape.of(train.count()), DataBuffers.of(toInts(train.labels()), true, false))) {
            session.runner().feed(imagesFeed, allImages).feed(labelsFeed, allLabels).addTarget(loadData).run().close();
        }
        session.runner().addTarget(initialize).run().close();

        Stopping stopping = config.stopping();
        String inputs = inputs();
        List<EpochRecord> history = new ArrayList<>();
        long t = 0;
        int firstEpoch = 0;
        TrainedWeights best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int sinceBest = 0;
        Checkpoint resumed = checkpoints == null ? null : Checkpoint.read(checkpoints);
        if (resumed != null && resumed.inputs().equals(inputs) && resumed.epochsDone() < config.epochs()) {
            load(resumed.weights(), resumed.firstMoments(), resumed.secondMoments());
            t = resumed.steps();
            firstEpoch = resumed.epochsDone();
            history.addAll(resumed.history());
            best = resumed.best();
            bestScore = resumed.bestScore();
            bestEpoch = resumed.bestEpoch();
            sinceBest = resumed.epochsSinceBest();
            listener.resumed(firstEpoch);
        }

        int n = train.count();
        int stepsPerEpoch = (n + config.batchSize() - 1) / config.batchSize();
        long budget = stopping.maxTrainingTime() == null ? Long.MAX_VALUE : stopping.maxTrainingTime().toNanos();
        long trainingStarted = System.nanoTime();
        String stop = null;
        Predictions lastTest = null;
        for (int epoch = firstEpoch; epoch < config.epochs() && stop == null; epoch++) {
            double rate = config.rate(t, stepsPerEpoch);
            long started = System.nanoTime();
            try (TInt64 seed = TInt64.vectorOf(config.seed(), SHUFFLE_STREAM + epoch)) {
                session.runner().feed(shuffleSeed, seed).addTarget(shuffle).run().close();
            }
            double lossSum = 0;
            long correct = 0;
            int seen = 0;
            boolean outOfTime = false;
            for (int s = 0; s < stepsPerEpoch; s++) {
                    if (System.nanoTime() - trainingStarted > budget) {
                        outOfTime = true;
                        break;
                    }
                    rate = config.rate(t, stepsPerEpoch);
                    t++;
                    int start = s * config.batchSize();
                    int size = Math.min(config.batchSize(), n - start);
                    try (TFloat32 lr = TFloat32.scalarOf((float) rate);
                            TInt32 startTensor = TInt32.vectorOf(start);
                            TInt32 sizeTensor = TInt32.vectorOf(size);
                            TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(config.beta1(), t));
                            TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(config.beta2(), t));
                            Result result = session.runner()
                                    .feed(batchStart, startTensor).feed(batchSize, sizeTensor)
                                    .feed(learningRate, lr).feed(beta1Power, b1).feed(beta2Power, b2)
                                    .addTarget(step).fetch(batchLoss).fetch(batchCorrect).run()) {
                        double loss = ((TFloat32) result.get(0)).getFloat();
                        if (!Double.isFinite(loss)) {
                            throw new TrainingDivergedException(epoch + 1, s + 1, loss, rate);
                        }
                        lossSum += loss * size;
                        correct += ((TInt32) result.get(1)).getInt();
                        seen += size;
                        listener.stepEnded(epoch + 1, config.epochs(), s + 1, stepsPerEpoch, lossSum / seen);
                    }
            }
            String budgetText = "the time budget of " + stopping.maxTrainingTime() + " ran out";
            if (seen == 0) {
                stop = budgetText + " before epoch " + (epoch + 1);
                break;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Double validationLoss = null;
            Double validationAccuracy = null;
            Double testAccuracy = null;
            if (validation != null) {
                Predictions onValidation = evaluate(validation);
                validationAccuracy = onValidation.evaluation().accuracy();
                validationLoss = crossEntropy(onValidation, validation);
            } else {
                lastTest = evaluate(test);
                testAccuracy = lastTest.evaluation().accuracy();
            }
            EpochRecord record = new EpochRecord(epoch + 1, config.epochs(), rate, lossSum / seen, (double) correct / seen,
                    validationLoss, validationAccuracy, testAccuracy, seconds, seen / seconds, ProcessMemory.residentBytes());
            history.add(record);
            if (validation != null) {
                double score = stopping.monitor().score(validationLoss, validationAccuracy);
                if (best == null || score < bestScore - stopping.minDelta()) {
                    best = weights();
                    bestScore = score;
                    bestEpoch = epoch + 1;
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                if (stopping.patience() > 0 && sinceBest >= stopping.patience()) {
                    stop = "early stopping after epoch " + (epoch + 1) + ": " + stopping.monitor().text()
                            + " did not improve by " + stopping.minDelta() + " for " + sinceBest + " epochs";
                }
            }
            if (outOfTime) {
                stop = budgetText + " during epoch " + (epoch + 1) + " (" + seen + " of " + n + " images)";
            }
            if (checkpoints != null) {
                new Checkpoint(inputs, epoch + 1, t, weights(), moments(firstMoments), moments(secondMoments),
                        List.copyOf(history), best, bestScore, bestEpoch, sinceBest).write(checkpoints);
            }
            listener.epochEnded(record);
        }
        int kept = history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
        boolean cutByBudget = stop != null && stop.startsWith("the time budget");
        if (stop == null) {
            stop = "completed " + config.epochs() + " epochs";
        }
        if (best != null) {
            if (bestEpoch != kept) {
                load(best, null, null);
            }
            kept = bestEpoch;
            stop += "; kept epoch " + kept + ", the best by " + stopping.monitor().text();
        }
        if (checkpoints != null) {
            Checkpoint.delete(checkpoints);
        }
        // Without a validation set the weights are the last epoch's, which that epoch already evaluated on the test set.
        Predictions finalTest = best == null && lastTest != null ? lastTest : evaluate(test);
        return new TrainingResult(weights(), List.copyOf(history), finalTest, device, summary,
                new StopReason(kept, stop, cutByBudget));
    }

    /** What a checkpoint must match to be resumed: everything that decides the bits, not the time budget. */
    private String inputs() {
        Stopping s = config.stopping();
        TrainingConfig decisive = config.toBuilder().threads(config.effectiveThreads())
                .stopping(new Stopping(s.validationSize(), s.monitor(), s.patience(), s.minDelta(), null)).build();
        return decisive + " train " + train.imagesSha256() + " " + train.labelsSha256() + " " + train.count();
    }

    private static double crossEntropy(Predictions predictions, Digits digits) {
        double sum = 0;
        for (int i = 0; i < digits.count(); i++) {
            sum -= Math.log(Math.max(predictions.probabilities()[i][digits.label(i)], 1e-12));
        }
        return sum / digits.count();
    }

    /** Puts weights, and Adam's moments unless null, into the runtime. */
    private void load(TrainedWeights values, TrainedWeights first, TrainedWeights second) {
        Session.Runner runner = session.runner();
        List<TFloat32> tensors = new ArrayList<>();
        try {
            for (LeNetParameter p : LeNetParameter.all()) {
                feed(runner, tensors, weights.get(p), values.get(p));
                if (first != null) {
                    feed(runner, tensors, firstMoments.get(p), first.get(p));
                    feed(runner, tensors, secondMoments.get(p), second.get(p));
                }
            }
            runner.run().close();
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    private void feed(Session.Runner runner, List<TFloat32> tensors, Variable<TFloat32> variable, float[] value) {
        TFloat32 tensor = TFloat32.tensorOf(variable.shape(), DataBuffers.of(value, true, false));
        tensors.add(tensor);
        runner.feed(stateFeeds.get(variable), tensor).addTarget(stateAssigns.get(variable));
    }

    /** Predictions of the current weights on {@code digits}, in large batches. */
    public Predictions evaluate(Digits digits) {
        int[] predicted = new int[digits.count()];
        float[][] all = new float[digits.count()][];
        for (int start = 0; start < digits.count(); start += EVALUATION_BATCH) {
            int size = Math.min(EVALUATION_BATCH, digits.count() - start);
            byte[] chunk = new byte[size * Digits.PIXELS];
            System.arraycopy(digits.images(), start * Digits.PIXELS, chunk, 0, chunk.length);
            try (TUint8 input = TUint8.tensorOf(Shape.of(size, Digits.ROWS, Digits.COLUMNS), DataBuffers.of(chunk, true, false));
                    Result result = session.runner().feed(image, input).fetch(probabilities).run()) {
                float[] flat = new float[size * Digits.CLASSES];
                ((TFloat32) result.get(0)).copyTo(DataBuffers.of(flat, false, false));
                for (int i = 0; i < size; i++) {
                    float[] p = new float[Digits.CLASSES];
                    System.arraycopy(flat, i * Digits.CLASSES, p, 0, Digits.CLASSES);
                    predicted[start + i] = Evaluation.argMax(p);
                    all[start + i] = p;
                }
            }
        }
        return new Predictions(predicted, all, Evaluation.of(digits.labels(), predicted));
    }

    /** The current weights, copied out of the runtime. */
    public TrainedWeights weights() {
        return moments(weights);
    }

    /** The current values of one variable per parameter, copied out of the runtime. */
    private TrainedWeights moments(Map<LeNetParameter, Variable<TFloat32>> variables) {
        Session.Runner runner = session.runner();
        LeNetParameter.all().forEach(p -> runner.fetch(variables.get(p)));
        Map<LeNetParameter, float[]> values = new EnumMap<>(LeNetParameter.class);
        try (Result result = runner.run()) {
            for (LeNetParameter p : LeNetParameter.all()) {
                float[] value = new float[p.size()];
                ((TFloat32) result.get(p.ordinal())).copyTo(DataBuffers.of(value, false, false));
                values.put(p, value);
            }
        }
        return new TrainedWeights(values);
    }

    private static int[] toInts(byte[] labels) {
        int[] ints = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            ints[i] = labels[i];
        }
        return ints;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            graph.close();
        }
    }
}
