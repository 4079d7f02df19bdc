package dev.lenet.model;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Glorot (Xavier) uniform initialisation: U[-limit, limit) with limit = sqrt(6 / (fanIn + fanOut)).
 * Written here because TensorFlow Java 1.1.0's {@code Glorot} in UNIFORM mode draws only from [0, limit),
 * which makes every ReLU unit start on the same side and training collapse to one class.
 * Stateless: the same seed and stream give the same numbers in any graph, on any run.
 */
public final class GlorotUniform {
    private GlorotUniform() {}

    public static double limit(long fanIn, long fanOut) {
        return Math.sqrt(6.0 / (fanIn + fanOut));
    }

    /**
     * @param seed the user's seed
     * @param stream distinguishes the tensors drawn with one seed
     */
    public static Operand<TFloat32> sample(Ops tf, Shape shape, long fanIn, long fanOut, long seed, long stream) {
        float limit = (float) limit(fanIn, fanOut);
        Operand<TFloat32> unit =
                tf.random.statelessRandomUniform(tf.constant(shape.asArray()), tf.constant(new long[] {seed, stream}));
        return tf.math.sub(tf.math.mul(unit, tf.constant(2 * limit)), tf.constant(limit));
    }
}
