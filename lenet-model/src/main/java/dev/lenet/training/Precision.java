package dev.lenet.training;

import java.util.Locale;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * What a training step's convolutions compute in. The weights, Adam's moments, the loss and the model a build exports
 * stay float32 whichever is chosen: bfloat16 casts each convolution's inputs (forward and backward) and takes its result
 * back as float32, so only those products lose precision, on kernels that processors with bfloat16 instructions run
 * faster. {@code auto} is decided by {@link PrecisionChoice}.
 */
public enum Precision {
    FLOAT32,
    BFLOAT16,
    AUTO;

    /** The value of {@code text}: float32, bfloat16 or auto. */
    static Precision parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** The type a training step's convolutions compute in; auto is chosen ({@link PrecisionChoice}) before this. */
    Class<? extends TFloating> convolutions() {
        return switch (this) {
            case FLOAT32 -> TFloat32.class;
            case BFLOAT16 -> TBfloat16.class;
            case AUTO -> throw new IllegalStateException("precision auto is chosen before the graph is built");
        };
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
