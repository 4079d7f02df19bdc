package dev.lenet.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TFloating;

/**
 * LeNet-5 as the reference defines it: a 28x28 digit padded to 32x32 (C1's SAME padding); C1 conv 5x5x6 ReLU; S2 max-pool 2/2;
 * C3 conv 5x5x16 ReLU; S4 max-pool 2/2; C5 dense 120 ReLU; F6 dense 84 ReLU; dense K logits, one per class (no activation:
 * the loss applies softmax once). Pixels arrive as uint8 and are scaled inside the graph, so a model takes raw
 * images wherever it is used.
 *
 * <p>Each convolution's bias and ReLU are applied after its max-pool, to a quarter of the elements: max-pooling
 * commutes with adding a per-channel constant and with ReLU (rounding is monotonic too), so the outputs are the
 * reference's to the bit, and the backward pass is cheaper.
 */
public final class LeNet5 {
    public static final String LOGITS = "logits";
    public static final String CLASS = "class";

    private static final List<Long> UNIT_STRIDES = List.of(1L, 1L, 1L, 1L);

    private LeNet5() {}

    /** The output of one layer, for the model summary. */
    public record Layer(String name, Operand<TFloat32> output, List<LeNetParameter> parameters) {}

    /** The logits and every layer on the way. */
    public record Forward(Operand<TFloat32> logits, List<Layer> layers) {
        /** The output of the layer that holds {@code parameter}: for a convolution, before its pooling. */
        public Operand<TFloat32> outputOf(LeNetParameter parameter) {
            return layers.get(indexOf(parameter)).output();
        }

        /** The input of the layer that holds {@code parameter}. */
        public Operand<TFloat32> inputOf(LeNetParameter parameter) {
            return layers.get(indexOf(parameter) - 1).output();
        }

        private int indexOf(LeNetParameter parameter) {
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i).parameters().contains(parameter)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no layer holds " + parameter);
        }
    }

    /** Creates the ten variables for {@code classes} classes, uninitialised, under their flat names. */
    public static Map<LeNetParameter, Variable<TFloat32>> variables(Ops tf, int classes) {
        Map<LeNetParameter, Variable<TFloat32>> variables = new EnumMap<>(LeNetParameter.class);
        for (LeNetParameter parameter : LeNetParameter.all()) {
            variables.put(
                    parameter,
                    tf.withName(parameter.variableName()).variable(parameter.shape(classes), TFloat32.class));
        }
        return variables;
    }

    /**
     * @param scaleInput true divides pixels by 255 (inputs in [0,1]); false keeps the reference's 0-255 inputs
     */
    public static Forward forward(
            Ops tf, Operand<TUint8> images, Map<LeNetParameter, ? extends Operand<TFloat32>> w, boolean scaleInput) {
        return forwardFromPixels(tf, tf.dtypes.cast(images, TFloat32.class), w, scaleInput, TFloat32.class);
    }

    /**
     * As {@link #forward}, from pixel values 0-255 already as floats (an augmented batch), the convolutions computed in
     * {@code convolutions}: float32, or bfloat16 with their inputs cast to it and their outputs back to float32.
     */
    public static Forward forwardFromPixels(
            Ops tf,
            Operand<TFloat32> pixels,
            Map<LeNetParameter, ? extends Operand<TFloat32>> w,
            boolean scaleInput,
            Class<? extends TFloating> convolutions) {
        List<Layer> layers = new ArrayList<>();
        Operand<TFloat32> x = pixels;
        if (scaleInput) {
            x = tf.math.mul(x, tf.constant(1f / 255f));
        }
        x = tf.expandDims(x, tf.constant(-1));
        layers.add(new Layer("input", x, List.of()));
        // SAME on 28x28 is the reference's zero padding to 32x32 and a VALID convolution, without a Pad op.
        x = convolution(tf, x, w.get(LeNetParameter.C1_W), "SAME", convolutions);
        layers.add(new Layer("C1 conv 5x5 pad 2, ReLU", x, List.of(LeNetParameter.C1_W, LeNetParameter.C1_B)));
        x = tf.nn.relu(tf.nn.biasAdd(maxPool(tf, x), w.get(LeNetParameter.C1_B)));
        layers.add(new Layer("S2 max-pool 2x2/2", x, List.of()));
        x = convolution(tf, x, w.get(LeNetParameter.C3_W), "VALID", convolutions);
        layers.add(new Layer("C3 conv 5x5, ReLU", x, List.of(LeNetParameter.C3_W, LeNetParameter.C3_B)));
        x = tf.nn.relu(tf.nn.biasAdd(maxPool(tf, x), w.get(LeNetParameter.C3_B)));
        layers.add(new Layer("S4 max-pool 2x2/2", x, List.of()));
        x = tf.reshape(x, tf.constant(new int[] {-1, 400}));
        layers.add(new Layer("flatten", x, List.of()));
        x = tf.nn.relu(dense(tf, x, w.get(LeNetParameter.C5_W), w.get(LeNetParameter.C5_B)));
        layers.add(new Layer("C5 dense, ReLU", x, List.of(LeNetParameter.C5_W, LeNetParameter.C5_B)));
        x = tf.nn.relu(dense(tf, x, w.get(LeNetParameter.F6_W), w.get(LeNetParameter.F6_B)));
        layers.add(new Layer("F6 dense, ReLU", x, List.of(LeNetParameter.F6_W, LeNetParameter.F6_B)));
        Operand<TFloat32> logits = dense(tf, x, w.get(LeNetParameter.OUT_W), w.get(LeNetParameter.OUT_B));
        layers.add(new Layer("output dense (logits)", logits, List.of(LeNetParameter.OUT_W, LeNetParameter.OUT_B)));
        return new Forward(logits, List.copyOf(layers));
    }

    /**
     * Max-pool 2x2, stride 2, of an NHWC tensor with a known height, width and channel count, as the maximum of the
     * two columns, then of the two rows, of each window. On the CPU TensorFlow's MaxPoolGrad costs more than the rest
     * of the backward pass; Unstack and Maximum have cheap element-wise gradients. Same values and same gradients as
     * MaxPool, ties included: the first maximum in row-major order takes the gradient.
     */
    public static Operand<TFloat32> maxPool(Ops tf, Operand<TFloat32> x) {
        long[] shape = x.shape().asArray();
        int height = (int) shape[1];
        int width = (int) shape[2];
        int channels = (int) shape[3];
        Operand<TFloat32> columnPairs = tf.reshape(x, tf.constant(new int[] {-1, height, width / 2, 2, channels}));
        Operand<TFloat32> columns = maxOfPair(tf, columnPairs, 3);
        Operand<TFloat32> rowPairs =
                tf.reshape(columns, tf.constant(new int[] {-1, height / 2, 2, width / 2 * channels}));
        return tf.reshape(maxOfPair(tf, rowPairs, 2), tf.constant(new int[] {-1, height / 2, width / 2, channels}));
    }

    /** The larger of the two slices along {@code axis} (of size 2); the first wins a tie. */
    private static Operand<TFloat32> maxOfPair(Ops tf, Operand<TFloat32> pairs, long axis) {
        List<Output<TFloat32>> pair = tf.unstack(pairs, 2L, Unstack.axis(axis)).output();
        return tf.math.maximum(pair.get(0), pair.get(1));
    }

    private static <T extends TFloating> Operand<TFloat32> convolution(
            Ops tf, Operand<TFloat32> x, Operand<TFloat32> filter, String padding, Class<T> type) {
        if (type == TFloat32.class) {
            return tf.nn.conv2d(x, filter, UNIT_STRIDES, padding);
        }
        Operand<T> product = tf.nn.conv2d(tf.dtypes.cast(x, type), tf.dtypes.cast(filter, type), UNIT_STRIDES, padding);
        return tf.dtypes.cast(product, TFloat32.class);
    }

    private static Operand<TFloat32> dense(
            Ops tf, Operand<TFloat32> x, Operand<TFloat32> weights, Operand<TFloat32> bias) {
        return tf.nn.biasAdd(tf.linalg.matMul(x, weights), bias);
    }
}
