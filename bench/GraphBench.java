import dev.lenet.model.LeNet5;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.BiasAdd;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Times pieces of lenet-model's training graph at batch 500 on 2 intra-op threads, for the README's performance
 * section. Run by bench/graph with one of:
 * <ul>
 * <li>{@code pooling}: one LeNet-5 pooling stage (bias, ReLU, 2x2 max-pool of a convolution's output) forward and
 * forward+backward, as the reference draws it (ReLU, then TensorFlow's MaxPool, whose CPU gradient is MaxPoolGrad) and
 * as lenet-model builds it (LeNet5.maxPool, then bias and ReLU);
 * <li>{@code layout}: the convolutional layers (C1 to S4) in NHWC, the layout lenet-model uses, and in NCHW;
 * <li>{@code call-overhead}: a session call shaped like a training step (five scalar feeds, two scalar fetches) on a
 * graph with nothing else to do: the most that running several steps per call could save per step.
 * </ul>
 */
public class GraphBench {
    private static final int BATCH = 500;
    private static final ConfigProto CONFIG = ConfigProto.newBuilder().setIntraOpParallelismThreads(2)
            .setInterOpParallelismThreads(1).build();

    public static void main(String[] args) {
        switch (args.length == 1 ? args[0] : "") {
            case "pooling" -> pooling();
            case "layout" -> layout();
            case "call-overhead" -> callOverhead();
            case "conv" -> conv();
            default -> throw new IllegalArgumentException("usage: GraphBench pooling|layout|call-overhead|conv");
        }
    }

    private static void pooling() {
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
                try (Session session = new Session(graph, CONFIG)) {
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


    private static void layout() {
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
                try (Session session = new Session(graph, CONFIG)) {
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

    /** LeNet5.maxPool in NHWC; in NCHW the same maximum of column pairs, then of row pairs. */
    private static Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, boolean nchw, int size, int channels) {
        if (!nchw) {
            return LeNet5.maxPool(tf, x);
        }
        Operand<TFloat32> columns = pairMax(tf, tf.reshape(x, tf.constant(new int[] {-1, channels, size, size / 2, 2})), 4);
        Operand<TFloat32> rows = pairMax(tf, tf.reshape(columns, tf.constant(new int[] {-1, channels, size / 2, 2, size / 2})), 3);
        return tf.reshape(rows, tf.constant(new int[] {-1, channels, size / 2, size / 2}));
    }

    private static Operand<TFloat32> pairMax(Ops tf, Operand<TFloat32> pairs, long axis) {
        List<Output<TFloat32>> pair = tf.unstack(pairs, 2L, Unstack.axis(axis)).output();
        return tf.math.maximum(pair.get(0), pair.get(1));
    }

    /**
     * C3 (5x5, 6 to 16 channels on 14x14) forward and backward (its input's and its filter's gradients) with the 6 input
     * channels as they are, and padded with zero channels (and a zero-padded filter, so the same sums) to 8 and 16, all
     * with TensorFlow's derived gradients (oneDNN's kernels); C3's input gradient alone three ways: oneDNN's
     * Conv2DBackpropInput, a forward convolution with the flipped filter, and TensorFlow's own kernel (explicit zero
     * padding, as training asks for it); and C1 on the 28x28 image padded to 32x32 (VALID) against SAME padding.
     */
    private static void conv() {
        for (int channels : new int[] {6, 8, 16}) {
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph);
                Variable<TFloat32> x = tf.variable(random(tf, 1, BATCH, 14, 14, 6));
                Variable<TFloat32> w = tf.variable(random(tf, 2, 5, 5, 6, 16));
                Variable<TFloat32> upstream = tf.variable(random(tf, 3, BATCH, 10, 10, 16));
                Operand<TFloat32> input = x;
                Operand<TFloat32> filter = w;
                if (channels > 6) {
                    input = tf.pad(x, tf.constant(new int[][] {{0, 0}, {0, 0}, {0, 0}, {0, channels - 6}}), tf.constant(0f));
                    filter = tf.pad(w, tf.constant(new int[][] {{0, 0}, {0, 0}, {0, channels - 6}, {0, 0}}), tf.constant(0f));
                }
                Operand<TFloat32> y = tf.nn.conv2d(input, filter, List.of(1L, 1L, 1L, 1L), "VALID");
                Gradients gradients = tf.gradients(y, List.of(x, w), Gradients.dx(List.of(upstream)));
                try (Session session = new Session(graph, CONFIG)) {
                    session.initialize();
                    System.out.printf("C3 with %2d input channels  forward %6.2f ms   forward+backward %6.2f ms%n", channels,
                            millis(session, tf, List.of(y)), millis(session, tf, List.of(gradients.dy(0), gradients.dy(1))));
                }
            }
        }
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Variable<TFloat32> x = tf.variable(random(tf, 1, BATCH, 14, 14, 6));
            Variable<TFloat32> w = tf.variable(random(tf, 2, 5, 5, 6, 16));
            Variable<TFloat32> upstream = tf.variable(random(tf, 3, BATCH, 10, 10, 16));
            Operand<TFloat32> backpropInput = tf.nn.conv2dBackpropInput(tf.constant(new int[] {BATCH, 14, 14, 6}), w,
                    upstream, List.of(1L, 1L, 1L, 1L), "VALID");
            // Explicit (zero) padding keeps the op out of oneDNN's graph rewrite: TensorFlow's own kernel runs it.
            Operand<TFloat32> ownKernel = tf.nn.conv2dBackpropInput(tf.constant(new int[] {BATCH, 14, 14, 6}), w,
                    upstream, List.of(1L, 1L, 1L, 1L), "EXPLICIT",
                    Conv2dBackpropInput.explicitPaddings(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L)));
            Operand<TFloat32> flipped = tf.linalg.transpose(tf.reverse(w, tf.constant(new int[] {0, 1})),
                    tf.constant(new int[] {0, 1, 3, 2}));
            Operand<TFloat32> asForward = tf.nn.conv2d(tf.pad(upstream, tf.constant(new int[][] {{0, 0}, {4, 4}, {4, 4},
                    {0, 0}}), tf.constant(0f)), flipped, List.of(1L, 1L, 1L, 1L), "VALID");
            try (Session session = new Session(graph, CONFIG)) {
                session.initialize();
                System.out.printf("C3 input gradient, Conv2DBackpropInput          %6.2f ms%n",
                        millis(session, tf, List.of(backpropInput)));
                System.out.printf("C3 input gradient, forward conv, flipped filter %6.2f ms%n",
                        millis(session, tf, List.of(asForward)));
                System.out.printf("C3 input gradient, explicit padding (TF kernel) %6.2f ms%n",
                        millis(session, tf, List.of(ownKernel)));
                try (TFloat32 difference = (TFloat32) session.runner().fetch(tf.max(tf.math.abs(
                        tf.math.sub(backpropInput, asForward)), tf.constant(new int[] {0, 1, 2, 3}))).run().get(0)) {
                    System.out.printf("C3 input gradient, largest difference between the two: %s%n", difference.getFloat());
                }
                try (TFloat32 difference = (TFloat32) session.runner().fetch(tf.max(tf.math.abs(
                        tf.math.sub(backpropInput, ownKernel)), tf.constant(new int[] {0, 1, 2, 3}))).run().get(0)) {
                    System.out.printf("C3 input gradient, largest difference, oneDNN against TF kernel: %s%n",
                            difference.getFloat());
                }
            }
        }
        for (int size : new int[] {14, 32}) {
            int in = size == 14 ? 6 : 1;
            int out = size == 14 ? 16 : 6;
            int o = size - 4;
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph);
                Variable<TFloat32> x = tf.variable(random(tf, 1, BATCH, size, size, in));
                Variable<TFloat32> w = tf.variable(random(tf, 2, 5, 5, in, out));
                Variable<TFloat32> upstream = tf.variable(random(tf, 3, BATCH, o, o, out));
                List<Operand<TFloat32>> shifted = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    for (int j = 0; j < 5; j++) {
                        shifted.add(tf.slice(x, tf.constant(new int[] {0, i, j, 0}), tf.constant(new int[] {-1, o, o, in})));
                    }
                }
                Operand<TFloat32> patches = tf.reshape(tf.concat(shifted, tf.constant(3)), tf.constant(new int[] {-1, 25 * in}));
                Operand<TFloat32> y = tf.reshape(tf.linalg.matMul(patches, tf.reshape(w, tf.constant(new int[] {25 * in, out}))),
                        tf.constant(new int[] {-1, o, o, out}));
                List<Operand<?>> wanted = size == 14 ? List.of(x, w) : List.of(w);
                @SuppressWarnings({"unchecked", "rawtypes"})
                Gradients gradients = tf.gradients(y, (List) wanted, Gradients.dx(List.of(upstream)));
                try (Session session = new Session(graph, CONFIG)) {
                    session.initialize();
                    List<Operand<?>> grads = new ArrayList<>();
                    for (int k = 0; k < wanted.size(); k++) {
                        grads.add(gradients.dy(k));
                    }
                    System.out.printf("%s as patches x matmul  forward %6.2f ms   forward+backward %6.2f ms%n",
                            size == 14 ? "C3" : "C1", millis(session, tf, List.of(y)), millis(session, tf, grads));
                }
            }
        }
        for (String padding : List.of("VALID", "SAME")) {
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph);
                Variable<TFloat32> x = tf.variable(random(tf, 1, BATCH, 28, 28, 1));
                Variable<TFloat32> w = tf.variable(random(tf, 2, 5, 5, 1, 6));
                Variable<TFloat32> upstream = tf.variable(random(tf, 3, BATCH, 28, 28, 6));
                Operand<TFloat32> input = padding.equals("SAME") ? x
                        : tf.pad(x, tf.constant(new int[][] {{0, 0}, {2, 2}, {2, 2}, {0, 0}}), tf.constant(0f));
                Operand<TFloat32> y = tf.nn.conv2d(input, w, List.of(1L, 1L, 1L, 1L), padding);
                Gradients gradients = tf.gradients(y, List.of(w), Gradients.dx(List.of(upstream)));
                try (Session session = new Session(graph, CONFIG)) {
                    session.initialize();
                    System.out.printf("C1 %-5s                   forward %6.2f ms   forward+backward %6.2f ms%n", padding,
                            millis(session, tf, List.of(y)), millis(session, tf, List.of(gradients.dy(0))));
                }
            }
        }
    }

    private static void callOverhead() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TInt32> start = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(1)));
            Placeholder<TInt32> size = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(1)));
            List<Placeholder<TFloat32>> scalars = List.of(
                    tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar())),
                    tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar())),
                    tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar())));
            Operand<TFloat32> loss = tf.math.add(tf.math.mul(scalars.get(0), scalars.get(1)), scalars.get(2));
            Operand<TInt32> correct = tf.sum(tf.math.add(start, size), tf.constant(0));
            try (Session session = new Session(graph, CONFIG)) {
                double best = Double.MAX_VALUE;
                for (int round = 0; round < 10; round++) {
                    int calls = 2_000;
                    long started = System.nanoTime();
                    for (int i = 0; i < calls; i++) {
                        try (TInt32 startTensor = TInt32.vectorOf(i);
                                TInt32 sizeTensor = TInt32.vectorOf(500);
                                TFloat32 rate = TFloat32.scalarOf(0.001f);
                                TFloat32 beta1 = TFloat32.scalarOf(0.9f);
                                TFloat32 beta2 = TFloat32.scalarOf(0.999f);
                                Result result = session.runner().feed(start, startTensor).feed(size, sizeTensor)
                                        .feed(scalars.get(0), rate).feed(scalars.get(1), beta1)
                                        .feed(scalars.get(2), beta2).fetch(loss).fetch(correct).run()) {
                            ((TFloat32) result.get(0)).getFloat();
                        }
                    }
                    best = Math.min(best, (System.nanoTime() - started) / 1e3 / calls);
                }
                System.out.printf("one step-shaped session call, nothing to compute: %.0f microseconds (best of 10 x 2,000)%n",
                        best);
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
        for (int i = 0; i < 5; i++) {
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
