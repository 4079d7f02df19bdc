import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * What one session call costs apart from its work: a call shaped like a training step of lenet-model (feeds the batch
 * start and size, the learning rate and Adam's two beta powers, fetches two scalars) on a graph that does nothing
 * else. Running several steps per call could save at most this much per step. Run by bench/call-overhead.
 */
public class CallOverheadBench {
    public static void main(String[] args) {
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
            ConfigProto config = ConfigProto.newBuilder().setIntraOpParallelismThreads(2).setInterOpParallelismThreads(1)
                    .build();
            try (Session session = new Session(graph, config)) {
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
}
