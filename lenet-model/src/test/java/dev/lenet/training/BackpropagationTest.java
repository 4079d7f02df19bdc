package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.model.LeNet5;
import dev.lenet.model.LeNetParameter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

@Slow
class BackpropagationTest {
    private static final int BATCH = 16;

    /**
     * The two-piece backward pass gives the gradients TensorFlow derives for the whole network in one piece, in float32
     * and with the convolutions in bfloat16 (to bfloat16's 8 bits of precision).
     */
    @ParameterizedTest
    @CsvSource({"true, FLOAT32", "false, FLOAT32", "true, BFLOAT16"})
    void givesTheGradientsOfTheWholeNetwork(boolean onCpu, Precision precision) {
        if (precision == Precision.BFLOAT16) {
            PrecisionTrainingTest.assumeBfloat16Instructions();
        }
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Operand<TUint8> images =
                    tf.dtypes.cast(tf.math.mul(uniform(tf, 1, BATCH, 28, 28), tf.constant(256f)), TUint8.class);
            Operand<TInt32> labels = tf.dtypes.cast(tf.math.mul(uniform(tf, 2, BATCH), tf.constant(10f)), TInt32.class);
            Map<LeNetParameter, Operand<TFloat32>> w = new EnumMap<>(LeNetParameter.class);
            for (LeNetParameter p : LeNetParameter.all()) {
                w.put(
                        p,
                        tf.math.sub(
                                uniform(tf, 3 + p.ordinal(), toInts(p.shape(10).asArray())), tf.constant(0.5f)));
            }
            LeNet5.Forward forward = LeNet5.forwardFromPixels(
                    tf, tf.dtypes.cast(images, TFloat32.class), w, true, precision.convolutions());
            SparseSoftmaxCrossEntropyWithLogits<TFloat32> loss =
                    tf.nn.sparseSoftmaxCrossEntropyWithLogits(forward.logits(), labels);
            Operand<TFloat32> logitsGradient = tf.math.div(loss.backprop(), tf.constant((float) BATCH));

            Map<LeNetParameter, Operand<TFloat32>> ours =
                    Backpropagation.gradients(tf, forward, w, logitsGradient, onCpu, precision.convolutions());
            Gradients whole = tf.gradients(
                    forward.logits(),
                    LeNetParameter.all().stream()
                            .map(p -> (Operand<?>) w.get(p))
                            .toList(),
                    Gradients.dx(List.of(logitsGradient)));

            Session.Runner runner;
            try (Session session = new Session(graph)) {
                runner = session.runner();
                for (LeNetParameter p : LeNetParameter.all()) {
                    runner.fetch(ours.get(p)).fetch(whole.dy(p.ordinal()));
                }
                try (Result result = runner.run()) {
                    for (LeNetParameter p : LeNetParameter.all()) {
                        float[] actual = floats(result, 2 * p.ordinal(), p.size(10));
                        float[] expected = floats(result, 2 * p.ordinal() + 1, p.size(10));
                        float scale = 0;
                        for (float e : expected) {
                            scale = Math.max(scale, Math.abs(e));
                        }
                        assertTrue(scale > 0, p + " has a gradient");
                        float tolerance = precision == Precision.FLOAT32 ? 1e-5f : 1e-2f;
                        for (int i = 0; i < expected.length; i++) {
                            assertEquals(expected[i], actual[i], tolerance * scale, p + " element " + i);
                        }
                    }
                }
            }
        }
    }

    /**
     * On the CPU, C3's input gradient asks for explicit zero padding: that is what keeps it out of oneDNN's rewrite and
     * on TensorFlow's faster kernel. On a GPU it is the usual VALID.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void c3InputGradientTakesExplicitPaddingOnlyOnTheCpu(boolean onCpu) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Operand<TUint8> images = tf.dtypes.cast(uniform(tf, 1, BATCH, 28, 28), TUint8.class);
            Map<LeNetParameter, Operand<TFloat32>> w = new EnumMap<>(LeNetParameter.class);
            for (LeNetParameter p : LeNetParameter.all()) {
                w.put(p, uniform(tf, 3 + p.ordinal(), toInts(p.shape(10).asArray())));
            }
            LeNet5.Forward forward = LeNet5.forward(tf, images, w, true);
            Backpropagation.gradients(tf, forward, w, tf.onesLike(forward.logits()), onCpu, TFloat32.class);
            List<String> paddings = new ArrayList<>();
            for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
                GraphOperation op = it.next();
                if (op.type().equals("Conv2DBackpropInput")
                        && op.input(1)
                                .op()
                                .name()
                                .equals(w.get(LeNetParameter.C3_W).op().name())) {
                    paddings.add(op.attributes().getAttrString("padding"));
                }
            }
            assertEquals(List.of(onCpu ? "EXPLICIT" : "VALID"), paddings);
        }
    }

    private static Operand<TFloat32> uniform(Ops tf, long stream, int... shape) {
        return tf.random.statelessRandomUniform(
                tf.constant(shape), tf.constant(new long[] {11, stream}), TFloat32.class);
    }

    private static int[] toInts(long[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = (int) values[i];
        }
        return ints;
    }

    private static float[] floats(Result result, int index, int count) {
        float[] values = new float[count];
        ((TFloat32) result.get(index)).copyTo(DataBuffers.of(values, false, false));
        return values;
    }
}
