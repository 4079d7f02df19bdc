import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.BiasAdd;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Times LeNet-5's convolutional part (C1, S2, C3, S4 with their biases and ReLUs, pooled as LeNet5.maxPool pools:
 * the maximum of pairs) at batch 500 in NHWC, the layout lenet-model uses, and in NCHW, forward and
 * forward+backward. Run by bench/layout.
 */
public class LayoutBench {
    private static final int BATCH = 500;

    public static void main(String[] args) {
        for (String format : List.of("NHWC", "NCHW")) {
            boolean nchw = format.equals("NCHW");
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph);
                Variable<TFloat32> images = tf.variable(random(tf, 1, nchw ? new int[] {BATCH, 1, 32, 32} : new int[] {BATCH, 32, 32, 1}));
                Variable<TFloat32> c1 = tf.variable(random(tf, 2, 5, 5, 1, 6));
                Variable<TFloat32> b1 = tf.variable(random(tf, 3, 6));
                Variable<TFloat32> c3 = tf.variable(random(tf, 4, 5, 5, 6, 16));
                Variable<TFloat32> b3 = tf.variable(random(tf, 5, 16));
                Operand<TFloat32> x = tf.nn.conv2d(images, c1, List.of(1L, 1L, 1L, 1L), "VALID", Conv2d.dataFormat(format));
                x = tf.nn.relu(tf.nn.biasAdd(pool(tf, x, nchw, 28, 6), b1, BiasAdd.dataFormat(format)));
                x = tf.nn.conv2d(x, c3, List.of(1L, 1L, 1L, 1L), "VALID", Conv2d.dataFormat(format));
                Operand<TFloat32> y = tf.nn.relu(tf.nn.biasAdd(pool(tf, x, nchw, 10, 16), b3, BiasAdd.dataFormat(format)));
                Operand<TFloat32> loss = tf.sum(y, tf.constant(new int[] {0, 1, 2, 3}));
                Gradients gradients = tf.gradients(loss, List.of(c1, b1, c3, b3));
                ConfigProto config = ConfigProto.newBuilder().setIntraOpParallelismThreads(2)
                        .setInterOpParallelismThreads(1).build();
                try (Session session = new Session(graph, config)) {
                    session.initialize();
                    List<Operand<?>> all = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        all.add(gradients.dy(i));
                    }
                    System.out.printf("%s  forward %7.2f ms   forward+backward %7.2f ms%n", format,
                            millis(session, tf, List.of(loss)), millis(session, tf, all));
                }
            }
        }
    }

    /** 2x2 max-pool as the larger of each column pair, then of each row pair. */
    private static Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, boolean nchw, int size, int channels) {
        if (nchw) {
            Operand<TFloat32> columns = pairMax(tf, tf.reshape(x, tf.constant(new int[] {-1, channels, size, size / 2, 2})), 4);
            Operand<TFloat32> rows = pairMax(tf, tf.reshape(columns, tf.constant(new int[] {-1, channels, size / 2, 2, size / 2})), 3);
            return tf.reshape(rows, tf.constant(new int[] {-1, channels, size / 2, size / 2}));
        }
        Operand<TFloat32> columns = pairMax(tf, tf.reshape(x, tf.constant(new int[] {-1, size, size / 2, 2, channels})), 3);
        Operand<TFloat32> rows = pairMax(tf, tf.reshape(columns, tf.constant(new int[] {-1, size / 2, 2, size / 2 * channels})), 2);
        return tf.reshape(rows, tf.constant(new int[] {-1, size / 2, size / 2, channels}));
    }

    private static Operand<TFloat32> pairMax(Ops tf, Operand<TFloat32> pairs, long axis) {
        var pair = tf.unstack(pairs, 2L, org.tensorflow.op.core.Unstack.axis(axis)).output();
        return tf.math.maximum(pair.get(0), pair.get(1));
    }

    private static Operand<TFloat32> random(Ops tf, long seed, int... shape) {
        return tf.math.sub(tf.random.statelessRandomUniform(tf.constant(shape), tf.constant(new long[] {42, seed}),
                TFloat32.class), tf.constant(0.5f));
    }

    /** Best of 3 rounds of 5 calls, each fetching one element of every output so that nothing is pruned. */
    private static double millis(Session session, Ops tf, List<? extends Operand<?>> outputs) {
        List<Operand<TFloat32>> firsts = new ArrayList<>();
        for (Operand<?> output : outputs) {
            @SuppressWarnings("unchecked")
            Operand<TFloat32> values = (Operand<TFloat32>) output;
            firsts.add(tf.slice(tf.reshape(values, tf.constant(new int[] {-1})), tf.constant(new int[] {0}),
                    tf.constant(new int[] {1})));
        }
        Operand<TFloat32> fetch = firsts.size() == 1 ? firsts.get(0) : tf.concat(firsts, tf.constant(0));
        session.runner().fetch(fetch).run().close();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                session.runner().fetch(fetch).run().close();
            }
            best = Math.min(best, (System.nanoTime() - started) / 1e6 / 5);
        }
        return best;
    }
}
