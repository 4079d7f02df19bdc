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
import org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * The training graph, built once and never changed: the training set held in the runtime, the initialisers (seeded
 * Glorot-uniform weights, zero biases and Adam moments), the seeded shuffle, one Adam step on a batch cut from the
 * shuffled order, the assignments that load a saved state, and an inference head that shares the weights. Pure
 * construction: nothing runs here.
 */
final class TrainingGraph {
    final Map<LeNetParameter, Variable<TFloat32>> weights;
    final Map<LeNetParameter, Variable<TFloat32>> firstMoments = new EnumMap<>(LeNetParameter.class);
    final Map<LeNetParameter, Variable<TFloat32>> secondMoments = new EnumMap<>(LeNetParameter.class);
    /** For each variable of the state, the placeholder and assignment that load a value into it. */
    final Map<Variable<TFloat32>, Placeholder<TFloat32>> stateFeeds = new HashMap<>();

    final Map<Variable<TFloat32>, Op> stateAssigns = new HashMap<>();
    final ModelSummary summary;

    final Placeholder<TUint8> imagesFeed;
    final Placeholder<TInt32> labelsFeed;
    final Op loadData;
    final Op initialize;
    final Placeholder<TInt64> shuffleSeed;
    /** Fed each step when training augments its images: the (seed, step) pair of that batch's draws; else null. */
    final Placeholder<TInt64> augmentSeed;

    final Op shuffle;
    final Placeholder<TInt32> batchStart;
    final Placeholder<TInt32> batchSize;
    final Placeholder<TFloat32> learningRate;
    final Placeholder<TFloat32> beta1Power;
    final Placeholder<TFloat32> beta2Power;
    final Operand<TFloat32> batchLoss;
    final Operand<TInt32> batchCorrect;
    final Op step;
    final Placeholder<TUint8> image;
    final Operand<TFloat32> probabilities;

    TrainingGraph(Graph graph, TrainingConfig config, int trainCount, int classes, boolean onCpu) {
        Ops tf = Ops.create(graph);
        int n = trainCount;

        imagesFeed = tf.placeholder(
                TUint8.class, Placeholder.shape(Shape.of(n, ModelSignature.ROWS, ModelSignature.COLUMNS)));
        labelsFeed = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(n)));
        Variable<TUint8> images = tf.withName("train_images")
                .variable(Shape.of(n, ModelSignature.ROWS, ModelSignature.COLUMNS), TUint8.class);
        Variable<TInt32> labels = tf.withName("train_labels").variable(Shape.of(n), TInt32.class);
        loadData = tf.withControlDependencies(List.of(tf.assign(images, imagesFeed), tf.assign(labels, labelsFeed)))
                .noOp();

        weights = LeNet5.variables(tf, classes);
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
        for (LeNetParameter p : LeNetParameter.all()) {
            for (Variable<TFloat32> v : List.of(weights.get(p), firstMoments.get(p), secondMoments.get(p))) {
                Placeholder<TFloat32> feed = tf.placeholder(TFloat32.class, Placeholder.shape(p.shape(classes)));
                stateFeeds.put(v, feed);
                stateAssigns.put(v, tf.assign(v, feed));
            }
        }
        Variable<TInt32> order = tf.withName("shuffled_order").variable(Shape.of(n), TInt32.class);
        initializers.add(tf.assign(order, tf.range(tf.constant(0), tf.constant(n), tf.constant(1))));
        initialize = tf.withControlDependencies(initializers).noOp();

        shuffleSeed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
        Operand<TFloat32> keys = tf.random.statelessRandomUniform(tf.constant(new int[] {n}), shuffleSeed);
        shuffle = tf.assign(
                order, tf.nn.topK(keys, tf.constant(n), new TopK.Options[0]).indices());

        batchStart = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(1)));
        batchSize = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(1)));
        Operand<TInt32> indices = tf.slice(order, batchStart, batchSize);
        Operand<TUint8> batchImages = tf.gather(images, indices, tf.constant(0));
        Operand<TInt32> batchLabels = tf.gather(labels, indices, tf.constant(0));

        LeNet5.Forward forward;
        if (config.augment()) {
            augmentSeed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
            Operand<TFloat32> augmented =
                    Augmentation.apply(tf, tf.dtypes.cast(batchImages, TFloat32.class), batchSize, augmentSeed);
            forward = LeNet5.forwardFromPixels(tf, augmented, weights, config.scaleInput());
        } else {
            augmentSeed = null;
            forward = LeNet5.forward(tf, batchImages, weights, config.scaleInput());
        }
        summary = ModelSummary.of(forward, classes);
        SparseSoftmaxCrossEntropyWithLogits<TFloat32> crossEntropy =
                tf.nn.sparseSoftmaxCrossEntropyWithLogits(forward.logits(), batchLabels);
        batchLoss = tf.math.mean(crossEntropy.loss(), tf.constant(0));
        batchCorrect = tf.sum(
                tf.dtypes.cast(
                        tf.math.equal(tf.math.argMax(forward.logits(), tf.constant(1), TInt32.class), batchLabels),
                        TInt32.class),
                tf.constant(0));

        learningRate = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta1Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        // TensorFlow has no registered gradient for the fused loss op, but the op itself returns d(loss)/d(logits):
        // start back-propagation there, scaled for the batch mean.
        Operand<TFloat32> logitsGradient = tf.math.div(
                crossEntropy.backprop(),
                tf.dtypes.cast(tf.reshape(batchSize, tf.constant(new int[0])), TFloat32.class));
        Map<LeNetParameter, Operand<TFloat32>> gradients =
                Backpropagation.gradients(tf, forward, weights, logitsGradient, onCpu);
        List<Op> gradientsDone = new ArrayList<>();
        for (LeNetParameter p : LeNetParameter.all()) {
            gradientsDone.add(tf.identity(gradients.get(p)));
        }
        // Every gradient is computed before any weight changes: in-place updates racing with the backward pass
        // would make results depend on thread timing.
        Ops afterGradients = tf.withControlDependencies(gradientsDone);
        List<Op> updates = new ArrayList<>();
        for (LeNetParameter p : LeNetParameter.all()) {
            updates.add(afterGradients.train.applyAdam(
                    weights.get(p),
                    firstMoments.get(p),
                    secondMoments.get(p),
                    beta1Power,
                    beta2Power,
                    learningRate,
                    tf.constant((float) config.beta1()),
                    tf.constant((float) config.beta2()),
                    tf.constant((float) config.epsilon()),
                    gradients.get(p)));
        }
        step = tf.withControlDependencies(updates).noOp();

        image = tf.withName(ModelSignature.IMAGE)
                .placeholder(
                        TUint8.class, Placeholder.shape(Shape.of(-1, ModelSignature.ROWS, ModelSignature.COLUMNS)));
        probabilities = tf.nn.softmax(
                LeNet5.forward(tf, image, weights, config.scaleInput()).logits());
    }
}
