package dev.lenet.training;

import dev.lenet.contract.ModelSignature;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.image.ImageProjectiveTransformV3;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Random moves, turns and scalings of a training batch, inside the graph: per image a shift of up to
 * {@value #MAX_SHIFT} pixels each way, a rotation of up to {@value #MAX_DEGREES} degrees and a scale of
 * 1 +/- {@value #MAX_SCALE_CHANGE}, about the image's centre, sampled bilinearly, background (0) where the picture
 * moves away. Drawn by a stateless generator from a (seed, step) pair, so the same seed gives the same images.
 */
final class Augmentation {
    static final float MAX_SHIFT = 2f;
    static final float MAX_DEGREES = 10f;
    static final float MAX_SCALE_CHANGE = 0.1f;

    private Augmentation() {}

    /**
     * @param images pixels as floats, [batch, 28, 28]
     * @param batchSize the batch's size, [1]
     * @param seed two numbers that fix this batch's draws
     */
    static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> images, Operand<TInt32> batchSize, Operand<TInt64> seed) {
        Operand<TInt32> shape = tf.concat(List.of(batchSize, tf.constant(new int[] {4})), tf.constant(0));
        // uniform in [-1, 1): one column each for angle, scale, shift x, shift y
        Operand<TFloat32> r = tf.math.sub(
                tf.math.mul(tf.random.statelessRandomUniform(shape, seed), tf.constant(2f)), tf.constant(1f));
        List<Operand<TFloat32>> columns = tf.unstack(r, 4L, Unstack.axis(1L)).output().stream()
                .map(o -> (Operand<TFloat32>) o)
                .toList();
        Operand<TFloat32> angle = tf.math.mul(columns.get(0), tf.constant((float) Math.toRadians(MAX_DEGREES)));
        Operand<TFloat32> scale =
                tf.math.add(tf.constant(1f), tf.math.mul(columns.get(1), tf.constant(MAX_SCALE_CHANGE)));
        Operand<TFloat32> shiftX = tf.math.mul(columns.get(2), tf.constant(MAX_SHIFT));
        Operand<TFloat32> shiftY = tf.math.mul(columns.get(3), tf.constant(MAX_SHIFT));
        // The transform maps each output pixel to where it is read in the input: the inverse of
        // out = scale * R(angle) * (in - c) + c + shift, i.e. in = R(-angle) / scale * (out - c - shift) + c.
        Operand<TFloat32> cos = tf.math.div(tf.math.cos(angle), scale);
        Operand<TFloat32> sin = tf.math.div(tf.math.sin(angle), scale);
        Operand<TFloat32> centre = tf.constant((ModelSignature.COLUMNS - 1) / 2f);
        Operand<TFloat32> fromX = tf.math.add(centre, shiftX);
        Operand<TFloat32> fromY = tf.math.add(centre, shiftY);
        Operand<TFloat32> a0 = cos;
        Operand<TFloat32> a1 = sin;
        Operand<TFloat32> b0 = tf.math.neg(sin);
        Operand<TFloat32> b1 = cos;
        Operand<TFloat32> a2 = tf.math.sub(centre, tf.math.add(tf.math.mul(a0, fromX), tf.math.mul(a1, fromY)));
        Operand<TFloat32> b2 = tf.math.sub(centre, tf.math.add(tf.math.mul(b0, fromX), tf.math.mul(b1, fromY)));
        Operand<TFloat32> zero = tf.zerosLike(cos);
        Operand<TFloat32> transforms = tf.stack(List.of(a0, a1, a2, b0, b1, b2, zero, zero), Stack.axis(1L));
        Operand<TFloat32> moved = tf.image.imageProjectiveTransformV3(
                tf.expandDims(images, tf.constant(-1)),
                transforms,
                tf.constant(new int[] {ModelSignature.ROWS, ModelSignature.COLUMNS}),
                tf.constant(0f),
                "BILINEAR",
                ImageProjectiveTransformV3.fillMode("CONSTANT"));
        return tf.squeeze(moved, Squeeze.axis(List.of(3L)));
    }
}
