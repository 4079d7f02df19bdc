package dev.lenet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

@Slow
class LeNet5Test {

    @Test
    void hasTheReferenceParameterCount() {
        assertEquals(61_706, LeNetParameter.totalSize(10));
    }

    @Test
    void everyLayerHasTheReferenceOutputShape() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            var images = tf.placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, 28, 28)));
            ModelSummary summary = ModelSummary.of(LeNet5.forward(tf, images, LeNet5.variables(tf, 10), true), 10);
            List<long[]> shapes =
                    summary.rows().stream().map(ModelSummary.Row::outputShape).toList();
            assertArrayEquals(new long[] {28, 28, 1}, shapes.get(0), "input; C1 pads it to 32x32");
            assertArrayEquals(new long[] {28, 28, 6}, shapes.get(1), "C1");
            assertArrayEquals(new long[] {14, 14, 6}, shapes.get(2), "S2");
            assertArrayEquals(new long[] {10, 10, 16}, shapes.get(3), "C3");
            assertArrayEquals(new long[] {5, 5, 16}, shapes.get(4), "S4");
            assertArrayEquals(new long[] {400}, shapes.get(5), "flatten");
            assertArrayEquals(new long[] {120}, shapes.get(6), "C5");
            assertArrayEquals(new long[] {84}, shapes.get(7), "F6");
            assertArrayEquals(new long[] {10}, shapes.get(8), "logits");
            assertEquals(
                    List.of(0, 156, 0, 2416, 0, 0, 48120, 10164, 850),
                    summary.rows().stream().map(ModelSummary.Row::parameters).toList());
            assertEquals(61_706, summary.totalParameters());
            assertEquals(
                    "Total trainable                           61,706",
                    summary.table().lines().reduce((a, b) -> b).orElseThrow());
        }
    }

    /** Bias and ReLU after the pooling, rather than before as the reference draws it, change no output. */
    @Test
    void forwardMatchesTheReferenceLayerOrder() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Operand<TUint8> images = tf.dtypes.cast(
                    tf.math.mul(
                            tf.random.statelessRandomUniform(
                                    tf.constant(new int[] {16, 28, 28}),
                                    tf.constant(new long[] {3, 1}),
                                    TFloat32.class),
                            tf.constant(256f)),
                    TUint8.class);
            Map<LeNetParameter, Operand<TFloat32>> w = new EnumMap<>(LeNetParameter.class);
            for (LeNetParameter p : LeNetParameter.all()) {
                w.put(
                        p,
                        tf.math.sub(
                                tf.random.statelessRandomUniform(
                                        tf.constant(p.shape(10).asArray()),
                                        tf.constant(new long[] {3, 2 + p.ordinal()}),
                                        TFloat32.class),
                                tf.constant(0.5f)));
            }
            Operand<TFloat32> x = tf.math.mul(tf.dtypes.cast(images, TFloat32.class), tf.constant(1f / 255f));
            x = tf.pad(
                    tf.expandDims(x, tf.constant(-1)),
                    tf.constant(new int[][] {{0, 0}, {2, 2}, {2, 2}, {0, 0}}),
                    tf.constant(0f));
            for (LeNetParameter[] conv : new LeNetParameter[][] {
                {LeNetParameter.C1_W, LeNetParameter.C1_B}, {LeNetParameter.C3_W, LeNetParameter.C3_B}
            }) {
                x = tf.nn.relu(tf.nn.biasAdd(
                        tf.nn.conv2d(x, w.get(conv[0]), List.of(1L, 1L, 1L, 1L), "VALID"), w.get(conv[1])));
                x = tf.nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
            }
            x = tf.reshape(x, tf.constant(new int[] {-1, 400}));
            x = tf.nn.relu(tf.math.add(tf.linalg.matMul(x, w.get(LeNetParameter.C5_W)), w.get(LeNetParameter.C5_B)));
            x = tf.nn.relu(tf.math.add(tf.linalg.matMul(x, w.get(LeNetParameter.F6_W)), w.get(LeNetParameter.F6_B)));
            Operand<TFloat32> reference =
                    tf.math.add(tf.linalg.matMul(x, w.get(LeNetParameter.OUT_W)), w.get(LeNetParameter.OUT_B));
            Operand<TFloat32> ours = LeNet5.forward(tf, images, w, true).logits();
            try (Session session = new Session(graph);
                    Result result =
                            session.runner().fetch(ours).fetch(reference).run()) {
                float[] expected = floats(result, 1, 160);
                float[] actual = floats(result, 0, 160);
                // The reordering is exact in real arithmetic; the two graphs may still run different convolution
                // kernels (oneDNN picks by CPU: 1.1e-5 apart on an AVX2-only EPYC), so float32's few ulps remain.
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-4f * Math.max(1f, Math.abs(expected[i])), "logit " + i);
                }
            }
        }
    }

    /** Values drawn from only four levels, so most windows hold equal maxima and tie-breaking is exercised. */
    @ParameterizedTest
    @CsvSource({"28, 6", "10, 16"})
    void maxPoolGivesMaxPoolsValuesAndGradientsTiesIncluded(int size, int channels) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Shape shape = Shape.of(3, size, size, channels);
            Operand<TFloat32> x = tf.math.floor(tf.math.mul(
                    tf.random.statelessRandomUniform(
                            tf.constant(new int[] {3, size, size, channels}),
                            tf.constant(new long[] {7, 1}),
                            TFloat32.class),
                    tf.constant(4f)));
            Operand<TFloat32> upstream = tf.random.statelessRandomUniform(
                    tf.constant(new int[] {3, size / 2, size / 2, channels}),
                    tf.constant(new long[] {7, 2}),
                    TFloat32.class);
            Operand<TFloat32> ours = LeNet5.maxPool(tf, x);
            Operand<TFloat32> reference =
                    tf.nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
            Operand<?> oursGradient = tf.gradients(ours, List.of(x), Gradients.dx(List.of(upstream)))
                    .dy(0);
            Operand<?> referenceGradient = tf.gradients(reference, List.of(x), Gradients.dx(List.of(upstream)))
                    .dy(0);
            try (Session session = new Session(graph);
                    Result result = session.runner()
                            .fetch(ours)
                            .fetch(reference)
                            .fetch(oursGradient)
                            .fetch(referenceGradient)
                            .fetch(x)
                            .run()) {
                float[] input = floats(result, 4, shape.size());
                long ties = countWindowsWithTiedMaxima(input, size, channels);
                assertTrue(ties > 100, "the input has windows with tied maxima: " + ties);
                assertArrayEquals(floats(result, 1, shape.size() / 4), floats(result, 0, shape.size() / 4));
                assertArrayEquals(floats(result, 3, shape.size()), floats(result, 2, shape.size()));
            }
        }
    }

    private static float[] floats(Result result, int index, long count) {
        float[] values = new float[(int) count];
        ((TFloat32) result.get(index)).copyTo(DataBuffers.of(values, false, false));
        return values;
    }

    private static long countWindowsWithTiedMaxima(float[] x, int size, int channels) {
        long ties = 0;
        for (int n = 0; n < 3; n++) {
            for (int row = 0; row < size; row += 2) {
                for (int column = 0; column < size; column += 2) {
                    for (int c = 0; c < channels; c++) {
                        float max = Float.NEGATIVE_INFINITY;
                        int count = 0;
                        for (int dr = 0; dr < 2; dr++) {
                            for (int dc = 0; dc < 2; dc++) {
                                float v = x[((n * size + row + dr) * size + column + dc) * channels + c];
                                count = v > max ? 1 : v == max ? count + 1 : count;
                                max = Math.max(max, v);
                            }
                        }
                        ties += count > 1 ? 1 : 0;
                    }
                }
            }
        }
        return ties;
    }
}
