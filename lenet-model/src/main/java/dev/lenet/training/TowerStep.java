package dev.lenet.training;

import dev.lenet.contract.ModelSignature;
import dev.lenet.model.LeNet5;
import dev.lenet.model.LeNetParameter;
import dev.lenet.model.ModelSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * Builds one Adam step of the {@link TrainingGraph}: its batch cut from the shuffled order (or fed), cast and, when
 * asked, augmented; split into towers, each tower's forward pass, loss and gradients; the gradients summed over the
 * towers; and Adam's update of every parameter once all are computed.
 */
final class TowerStep {
    private TowerStep() {}

    static TrainingGraph.Step build(
            Ops tf,
            TrainingConfig config,
            TrainingGraph.Input input,
            TrainingGraph.State state,
            int classes,
            boolean onCpu,
            int towers) {
        Placeholder<TInt32> batchStart = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(1)));
        Placeholder<TInt32> batchSize = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(1)));
        Operand<TUint8> batchImages;
        Operand<TInt32> batchLabels;
        if (input.byBatch()) {
            batchImages = input.imagesFeed();
            batchLabels = input.labelsFeed();
        } else {
            Operand<TInt32> indices = tf.slice(state.order(), batchStart, batchSize);
            batchImages = tf.gather(input.images(), indices, tf.constant(0));
            batchLabels = tf.gather(input.labels(), indices, tf.constant(0));
        }

        Placeholder<TInt64> augmentSeed = null;
        Operand<TFloat32> pixels = tf.dtypes.cast(batchImages, TFloat32.class);
        if (config.augment()) {
            augmentSeed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
            pixels = Augmentation.apply(tf, pixels, batchSize, augmentSeed);
        }
        Operand<TFloat32> size = tf.dtypes.cast(tf.reshape(batchSize, tf.constant(new int[0])), TFloat32.class);
        List<Operand<TFloat32>> lossSums = new ArrayList<>();
        List<Operand<TInt32>> corrects = new ArrayList<>();
        Map<LeNetParameter, List<Operand<TFloat32>>> towerGradients = new EnumMap<>(LeNetParameter.class);
        ModelSummary summary = null;
        for (int t = 0; t < towers; t++) {
            // Tower t takes rows [t * size / towers, (t + 1) * size / towers) of the batch.
            Operand<TInt32> begin = towers == 1 ? null : rowOf(tf, batchSize, t, towers);
            Operand<TInt32> length = towers == 1 ? null : tf.math.sub(rowOf(tf, batchSize, t + 1, towers), begin);
            // sliced with a computed size, the rows lose their static 28x28 shape: the reshape gives it back
            Operand<TFloat32> towerPixels = towers == 1
                    ? pixels
                    : tf.reshape(
                            tf.slice(
                                    pixels,
                                    tf.concat(List.of(begin, tf.constant(new int[] {0, 0})), tf.constant(0)),
                                    tf.concat(List.of(length, tf.constant(new int[] {-1, -1})), tf.constant(0))),
                            tf.constant(new int[] {-1, ModelSignature.ROWS, ModelSignature.COLUMNS}));
            Operand<TInt32> towerLabels = towers == 1 ? batchLabels : tf.slice(batchLabels, begin, length);
            LeNet5.Forward forward = LeNet5.forwardFromPixels(
                    tf,
                    towerPixels,
                    state.weights(),
                    config.scaleInput(),
                    config.precision().convolutions());
            if (summary == null) {
                summary = ModelSummary.of(forward, classes);
            }
            SparseSoftmaxCrossEntropyWithLogits<TFloat32> crossEntropy =
                    tf.nn.sparseSoftmaxCrossEntropyWithLogits(forward.logits(), towerLabels);
            lossSums.add(tf.sum(crossEntropy.loss(), tf.constant(0)));
            corrects.add(tf.sum(
                    tf.dtypes.cast(
                            tf.math.equal(tf.math.argMax(forward.logits(), tf.constant(1), TInt32.class), towerLabels),
                            TInt32.class),
                    tf.constant(0)));
            // TensorFlow has no registered gradient for the fused loss op, but the op itself returns
            // d(loss)/d(logits): start back-propagation there, scaled for the mean over the whole batch.
            Backpropagation.gradients(
                            tf,
                            forward,
                            state.weights(),
                            tf.math.div(crossEntropy.backprop(), size),
                            onCpu,
                            config.precision().convolutions())
                    .forEach((p, g) -> towerGradients
                            .computeIfAbsent(p, k -> new ArrayList<>())
                            .add(g));
        }
        Map<LeNetParameter, Operand<TFloat32>> gradients = new EnumMap<>(LeNetParameter.class);
        towerGradients.forEach((p, parts) -> gradients.put(p, parts.size() == 1 ? parts.get(0) : tf.math.addN(parts)));
        Operand<TFloat32> loss = tf.math.div(sumOf(tf, lossSums), size);
        Operand<TInt32> correct = sumOf(tf, corrects);

        Placeholder<TFloat32> learningRate = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        Placeholder<TFloat32> beta1Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        Placeholder<TFloat32> beta2Power = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        Op run = adam(tf, config, state, gradients, learningRate, beta1Power, beta2Power);
        return new TrainingGraph.Step(
                batchStart, batchSize, augmentSeed, learningRate, beta1Power, beta2Power, loss, correct, run, summary);
    }

    /** Row {@code k * size / towers} of a batch of {@code size}: where tower {@code k} starts. */
    private static Operand<TInt32> rowOf(Ops tf, Operand<TInt32> size, int k, int towers) {
        return tf.math.div(tf.math.mul(size, tf.constant(new int[] {k})), tf.constant(new int[] {towers}));
    }

    private static <T extends org.tensorflow.types.family.TNumber> Operand<T> sumOf(Ops tf, List<Operand<T>> parts) {
        return parts.size() == 1 ? parts.get(0) : tf.math.addN(parts);
    }

    /** Adam's update of every parameter, after every gradient is computed. */
    private static Op adam(
            Ops tf,
            TrainingConfig config,
            TrainingGraph.State state,
            Map<LeNetParameter, Operand<TFloat32>> gradients,
            Placeholder<TFloat32> learningRate,
            Placeholder<TFloat32> beta1Power,
            Placeholder<TFloat32> beta2Power) {
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
                    state.weights().get(p),
                    state.firstMoments().get(p),
                    state.secondMoments().get(p),
                    beta1Power,
                    beta2Power,
                    learningRate,
                    tf.constant((float) config.beta1()),
                    tf.constant((float) config.beta2()),
                    tf.constant((float) config.epsilon()),
                    gradients.get(p)));
        }
        return tf.withControlDependencies(updates).noOp();
    }
}
