package dev.lenet.training;

import dev.lenet.model.LeNet5;
import dev.lenet.model.LeNetParameter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * The gradient of a step's loss for every parameter, in two pieces around C3's convolution. TensorFlow derives each
 * piece; C3's own gradients are written out between them, because on the CPU oneDNN's kernel for C3's input gradient
 * (16 channels back to 6) takes about 2.5 times as long as TensorFlow's own kernel, which has the same sums. A
 * convolution gradient asked for with explicit (here zero) padding is one oneDNN's graph rewrite leaves to
 * TensorFlow's kernel. On a GPU the input gradient takes the usual VALID padding, for cuDNN. In bfloat16 both of C3's
 * gradients are oneDNN's (TensorFlow's own kernel in bfloat16 made the epoch 4.7 times as long), from inputs cast as
 * the forward convolution's were, and cast back to float32.
 */
final class Backpropagation {
    private static final List<Long> UNIT_STRIDES = List.of(1L, 1L, 1L, 1L);
    private static final List<Long> NO_PADDING = List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);

    private Backpropagation() {}

    /**
     * @param logitsGradient d(loss)/d(logits) of the batch
     * @param onCpu true takes TensorFlow's own kernel for C3's input gradient in float32
     * @param convolutions the type the convolutions compute in
     */
    static Map<LeNetParameter, Operand<TFloat32>> gradients(
            Ops tf,
            LeNet5.Forward forward,
            Map<LeNetParameter, ? extends Operand<TFloat32>> weights,
            Operand<TFloat32> logitsGradient,
            boolean onCpu,
            Class<? extends TFloating> convolutions) {
        Operand<TFloat32> c3Input = forward.inputOf(LeNetParameter.C3_W);
        Operand<TFloat32> c3Output = forward.outputOf(LeNetParameter.C3_W);
        List<LeNetParameter> above = LeNetParameter.all().stream()
                .filter(p -> p.ordinal() > LeNetParameter.C3_W.ordinal())
                .toList();
        List<LeNetParameter> below = LeNetParameter.all().stream()
                .filter(p -> p.ordinal() < LeNetParameter.C3_W.ordinal())
                .toList();
        Map<LeNetParameter, Operand<TFloat32>> gradients = new EnumMap<>(LeNetParameter.class);

        List<Operand<?>> upper = new ArrayList<>(operands(weights, above));
        upper.add(c3Output);
        Gradients top = tf.gradients(forward.logits(), upper, Gradients.dx(List.of(logitsGradient)));
        for (int i = 0; i < above.size(); i++) {
            gradients.put(above.get(i), floats(top.dy(i)));
        }
        Operand<TFloat32> c3OutputGradient = floats(top.dy(above.size()));

        Operand<TFloat32> c3Weights = weights.get(LeNetParameter.C3_W);
        Operand<TFloat32> c3InputGradient;
        if (convolutions == TFloat32.class) {
            gradients.put(
                    LeNetParameter.C3_W,
                    tf.nn.conv2dBackpropFilter(c3Input, tf.shape(c3Weights), c3OutputGradient, UNIT_STRIDES, "VALID"));
            c3InputGradient = onCpu
                    ? tf.nn.conv2dBackpropInput(
                            tf.shape(c3Input),
                            c3Weights,
                            c3OutputGradient,
                            UNIT_STRIDES,
                            "EXPLICIT",
                            Conv2dBackpropInput.explicitPaddings(NO_PADDING))
                    : tf.nn.conv2dBackpropInput(tf.shape(c3Input), c3Weights, c3OutputGradient, UNIT_STRIDES, "VALID");
        } else {
            C3Gradients c3 = c3Gradients(tf, c3Input, c3Weights, c3OutputGradient, convolutions);
            gradients.put(LeNetParameter.C3_W, c3.filter());
            c3InputGradient = c3.input();
        }

        Gradients bottom = tf.gradients(c3Input, operands(weights, below), Gradients.dx(List.of(c3InputGradient)));
        for (int i = 0; i < below.size(); i++) {
            gradients.put(below.get(i), floats(bottom.dy(i)));
        }
        return gradients;
    }

    private record C3Gradients(Operand<TFloat32> filter, Operand<TFloat32> input) {}

    /** C3's gradients on oneDNN's kernels, computed in {@code type}, returned as float32. */
    private static <T extends TFloating> C3Gradients c3Gradients(
            Ops tf,
            Operand<TFloat32> input,
            Operand<TFloat32> filter,
            Operand<TFloat32> outputGradient,
            Class<T> type) {
        Operand<T> gradient = tf.dtypes.cast(outputGradient, type);
        Operand<T> filterGradient = tf.nn.conv2dBackpropFilter(
                tf.dtypes.cast(input, type), tf.shape(filter), gradient, UNIT_STRIDES, "VALID");
        Operand<T> inputGradient = tf.nn.conv2dBackpropInput(
                tf.shape(input), tf.dtypes.cast(filter, type), gradient, UNIT_STRIDES, "VALID");
        return new C3Gradients(
                tf.dtypes.cast(filterGradient, TFloat32.class), tf.dtypes.cast(inputGradient, TFloat32.class));
    }

    private static List<Operand<?>> operands(
            Map<LeNetParameter, ? extends Operand<TFloat32>> weights, List<LeNetParameter> parameters) {
        return parameters.stream().<Operand<?>>map(weights::get).toList();
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32> floats(Operand<?> gradient) {
        return (Operand<TFloat32>) gradient;
    }
}
