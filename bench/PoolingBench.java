import dev.lenet.model.LeNet5;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Times one LeNet-5 pooling stage (bias, ReLU and 2x2 max-pool of a batch-500 convolution output) forward and
 * forward+backward, written as the reference draws it (ReLU, then TensorFlow's MaxPool, whose CPU gradient is
 * MaxPoolGrad) and as lenet-model builds it (LeNet5.maxPool, then bias and ReLU). Run by bench/pooling.
 */
public class PoolingBench {
    private static final int BATCH = 500;

    public static void main(String[] args) {
        for (int[] stage : new int[][] {{28, 6}, {10, 16}}) {
            int size = stage[0];
            int channels = stage[1];
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph);
                Variable<TFloat32> x = tf.variable(random(tf, 1, BATCH, size, size, channels));
                Variable<TFloat32> bias = tf.variable(random(tf, 2, channels));
                Variable<TFloat32> upstream = tf.variable(random(tf, 3, BATCH, size / 2, size / 2, channels));
                Operand<TInt32> window = tf.constant(new int[] {1, 2, 2, 1});
                Operand<TFloat32> reference = tf.nn.maxPool(tf.nn.relu(tf.nn.biasAdd(x, bias)), window, window, "VALID");
                Operand<TFloat32> ours = tf.nn.relu(tf.nn.biasAdd(LeNet5.maxPool(tf, x), bias));
                ConfigProto config = ConfigProto.newBuilder().setIntraOpParallelismThreads(2)
                        .setInterOpParallelismThreads(1).build();
                try (Session session = new Session(graph, config)) {
                    session.initialize();
                    String stageName = BATCH + "x" + size + "x" + size + "x" + channels;
                    for (Object[] variant : new Object[][] {{"ReLU, MaxPool (reference order)", reference},
                            {"LeNet5.maxPool, bias, ReLU", ours}}) {
                        @SuppressWarnings("unchecked")
                        Operand<TFloat32> y = (Operand<TFloat32>) variant[1];
                        Gradients gradients = tf.gradients(y, List.of(x, bias), Gradients.dx(List.of(upstream)));
                        double forward = millis(session, tf, List.of(y));
                        double both = millis(session, tf, List.of(gradients.dy(0), gradients.dy(1)));
                        System.out.printf("%-16s %-34s forward %6.2f ms   forward+backward %6.2f ms%n", stageName,
                                variant[0], forward, both);
                    }
                    try (TFloat32 difference = (TFloat32) session.runner().fetch(tf.max(tf.math.abs(
                            tf.math.sub(reference, ours)), tf.constant(new int[] {0, 1, 2, 3}))).run().get(0)) {
                        System.out.printf("%-16s largest difference between the two outputs: %s%n", stageName,
                                difference.getFloat());
                    }
                }
            }
        }
    }

    private static Operand<TFloat32> random(Ops tf, long seed, int... shape) {
        return tf.math.sub(tf.random.statelessRandomUniform(tf.constant(shape), tf.constant(new long[] {42, seed}),
                TFloat32.class), tf.constant(0.5f));
    }

    /** Best of 5 rounds of 20 calls, each fetching one element of every output so that nothing is pruned. */
    private static double millis(Session session, Ops tf, List<? extends Operand<?>> outputs) {
        List<Operand<TFloat32>> firsts = new ArrayList<>();
        for (Operand<?> output : outputs) {
            @SuppressWarnings("unchecked")
            Operand<TFloat32> values = (Operand<TFloat32>) output;
            firsts.add(tf.slice(tf.reshape(values, tf.constant(new int[] {-1})), tf.constant(new int[] {0}),
                    tf.constant(new int[] {1})));
        }
        Operand<TFloat32> fetch = firsts.size() == 1 ? firsts.get(0) : tf.concat(firsts, tf.constant(0));
        for (int i = 0; i < 10; i++) {
            session.runner().fetch(fetch).run().close();
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                session.runner().fetch(fetch).run().close();
            }
            best = Math.min(best, (System.nanoTime() - started) / 1e6 / 20);
        }
        return best;
    }
}
