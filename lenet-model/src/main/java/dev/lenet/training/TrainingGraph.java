package dev.lenet.training;

import dev.lenet.contract.ModelSignature;
import dev.lenet.model.GlorotUniform;
import dev.lenet.model.LeNet5;
import dev.lenet.model.LeNetParameter;
import dev.lenet.model.ModelSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * The training graph, built once (but for a one-tower step, added if a batch too small for the towers comes), in named
 * pieces: the training set held in the runtime ({@link Input}), the state and its initialisers (seeded Glorot-uniform
 * weights, zero biases and Adam moments, and the assignments that load a saved state: {@link State}), the seeded
 * {@link Shuffle}, one Adam {@link Step} on a batch cut from the shuffled order ({@link TowerStep} builds it), and an
 * inference {@link Head} that shares the weights. Pure construction: nothing runs here.
 */
final class TrainingGraph {
    /**
     * The training set: loaded into the runtime once ({@code load} assigns the feeds to the variables, and each step
     * gathers its batch there), or, when {@code load} is null, its batch fed to the step by the feeds, gathered from
     * disk in the shuffled order the runtime drew. The two give the same batches, so the same bits.
     */
    record Input(
            Placeholder<TUint8> imagesFeed,
            Placeholder<TInt32> labelsFeed,
            Op load,
            Variable<TUint8> images,
            Variable<TInt32> labels) {
        boolean byBatch() {
            return load == null;
        }
    }

    /** What a checkpoint saves, how it starts, and for each variable the placeholder and assignment that load it. */
    record State(
            Map<LeNetParameter, Variable<TFloat32>> weights,
            Map<LeNetParameter, Variable<TFloat32>> firstMoments,
            Map<LeNetParameter, Variable<TFloat32>> secondMoments,
            Map<Variable<TFloat32>, Placeholder<TFloat32>> feeds,
            Map<Variable<TFloat32>, Op> assigns,
            Variable<TInt32> order,
            Op initialize) {}

    /** Draws a new order of the training images from a (seed, epoch) pair. */
    record Shuffle(Placeholder<TInt64> seed, Op run) {}

    /**
     * One Adam step on the batch {@code [batchStart, batchStart + batchSize)} of the shuffled order: its loss and
     * correct answers come back with it.
     *
     * @param augmentSeed fed each step when training augments its images: that batch's (seed, step) pair; else null
     */
    record Step(
            Placeholder<TInt32> batchStart,
            Placeholder<TInt32> batchSize,
            Placeholder<TInt64> augmentSeed,
            Placeholder<TFloat32> learningRate,
            Placeholder<TFloat32> beta1Power,
            Placeholder<TFloat32> beta2Power,
            Operand<TFloat32> loss,
            Operand<TInt32> correct,
            Op run,
            ModelSummary summary) {}

    /** The network on raw images, sharing the weights: what evaluation runs. */
    record Head(Placeholder<TUint8> image, Operand<TFloat32> probabilities) {}

    private final Input input;
    private final State state;
    private final Shuffle shuffle;
    private final Step step;
    private final int towers;
    private final Head head;

    private final Ops tf;
    private final TrainingConfig config;
    private final int classes;
    private final boolean onCpu;
    /** Built when a batch first needs it (see {@link #step(int)}): most runs never do. */
    private Step wholeBatchStep;

    /**
     * @param byBatch true feeds each step its batch; false holds the training set in the runtime
     * @param towers the parts each batch is split into ({@link Parallelism})
     */
    TrainingGraph(
            Graph graph,
            TrainingConfig config,
            int trainCount,
            int classes,
            boolean onCpu,
            boolean byBatch,
            int towers) {
        this.tf = Ops.create(graph);
        this.config = config;
        this.classes = classes;
        this.onCpu = onCpu;
        input = byBatch ? fedByBatch(tf) : input(tf, trainCount);
        state = state(tf, config, trainCount, classes);
        shuffle = shuffle(tf, state.order(), trainCount);
        this.towers = towers;
        step = TowerStep.build(tf, config, input, state, classes, onCpu, towers);
        Placeholder<TUint8> image = tf.withName(ModelSignature.IMAGE)
                .placeholder(
                        TUint8.class, Placeholder.shape(Shape.of(-1, ModelSignature.ROWS, ModelSignature.COLUMNS)));
        head = new Head(
                image,
                tf.nn.softmax(LeNet5.forward(tf, image, state.weights(), config.scaleInput())
                        .logits()));
    }

    Input input() {
        return input;
    }

    State state() {
        return state;
    }

    Shuffle shuffle() {
        return shuffle;
    }

    Step step() {
        return step;
    }

    /**
     * The step for a batch of {@code size} images. A batch of fewer images than towers would leave one empty, which
     * TensorFlow's gradient kernels refuse: such a batch (an epoch's last, at most towers - 1 images) takes the same
     * step on one tower, added to the graph, beside the rest, the first time one comes.
     */
    Step step(int size) {
        if (size >= towers) {
            return step;
        }
        if (wholeBatchStep == null) {
            wholeBatchStep = TowerStep.build(tf, config, input, state, classes, onCpu, 1);
        }
        return wholeBatchStep;
    }

    Head head() {
        return head;
    }

    private static Input input(Ops tf, int n) {
        Placeholder<TUint8> imagesFeed = tf.placeholder(
                TUint8.class, Placeholder.shape(Shape.of(n, ModelSignature.ROWS, ModelSignature.COLUMNS)));
        Placeholder<TInt32> labelsFeed = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(n)));
        Variable<TUint8> images = tf.withName("train_images")
                .variable(Shape.of(n, ModelSignature.ROWS, ModelSignature.COLUMNS), TUint8.class);
        Variable<TInt32> labels = tf.withName("train_labels").variable(Shape.of(n), TInt32.class);
        Op load = tf.withControlDependencies(List.of(tf.assign(images, imagesFeed), tf.assign(labels, labelsFeed)))
                .noOp();
        return new Input(imagesFeed, labelsFeed, load, images, labels);
    }

    private static Input fedByBatch(Ops tf) {
        return new Input(
                tf.placeholder(
                        TUint8.class, Placeholder.shape(Shape.of(-1, ModelSignature.ROWS, ModelSignature.COLUMNS))),
                tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1))),
                null,
                null,
                null);
    }

    private static State state(Ops tf, TrainingConfig config, int n, int classes) {
        Map<LeNetParameter, Variable<TFloat32>> weights = LeNet5.variables(tf, classes);
        Map<LeNetParameter, Variable<TFloat32>> firstMoments = new EnumMap<>(LeNetParameter.class);
        Map<LeNetParameter, Variable<TFloat32>> secondMoments = new EnumMap<>(LeNetParameter.class);
        List<Op> initializers = new ArrayList<>();
        for (LeNetParameter p : LeNetParameter.all()) {
            Operand<TFloat32> initial = p.isBias()
                    ? tf.zeros(tf.constant(p.shape(classes).asArray()), TFloat32.class)
                    : GlorotUniform.sample(
                            tf, p.shape(classes), p.fanIn(), p.fanOut(classes), config.seed(), p.ordinal());
            initializers.add(tf.assign(weights.get(p), initial));
            Shape shape = p.shape(classes);
            Variable<TFloat32> m = tf.withName(p.variableName() + "_adam_m").variable(shape, TFloat32.class);
            Variable<TFloat32> v = tf.withName(p.variableName() + "_adam_v").variable(shape, TFloat32.class);
            initializers.add(tf.assign(m, tf.zeros(tf.constant(shape.asArray()), TFloat32.class)));
            initializers.add(tf.assign(v, tf.zeros(tf.constant(shape.asArray()), TFloat32.class)));
            firstMoments.put(p, m);
            secondMoments.put(p, v);
        }
        Map<Variable<TFloat32>, Placeholder<TFloat32>> feeds = new HashMap<>();
        Map<Variable<TFloat32>, Op> assigns = new HashMap<>();
        for (LeNetParameter p : LeNetParameter.all()) {
            for (Variable<TFloat32> v : List.of(weights.get(p), firstMoments.get(p), secondMoments.get(p))) {
                Placeholder<TFloat32> feed = tf.placeholder(TFloat32.class, Placeholder.shape(p.shape(classes)));
                feeds.put(v, feed);
                assigns.put(v, tf.assign(v, feed));
            }
        }
        Variable<TInt32> order = tf.withName("shuffled_order").variable(Shape.of(n), TInt32.class);
        initializers.add(tf.assign(order, tf.range(tf.constant(0), tf.constant(n), tf.constant(1))));
        Op initialize = tf.withControlDependencies(initializers).noOp();
        return new State(weights, firstMoments, secondMoments, feeds, assigns, order, initialize);
    }

    private static Shuffle shuffle(Ops tf, Variable<TInt32> order, int n) {
        Placeholder<TInt64> seed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
        Operand<TFloat32> keys = tf.random.statelessRandomUniform(tf.constant(new int[] {n}), seed);
        return new Shuffle(
                seed,
                tf.assign(
                        order,
                        tf.nn.topK(keys, tf.constant(n), new TopK.Options[0]).indices()));
    }
}
