package dev.lenet.model;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.ndarray.Shape;

/**
 * The ten trainable tensors of LeNet-5, in graph order. Names are flat (no scope): TensorFlow Java's optimizers
 * and savers handle flat names best, and they are the variable names inside the exported SavedModel.
 */
public enum LeNetParameter {
    C1_W("c1_w", 5, 5, 1, 6),
    C1_B("c1_b", 6),
    C3_W("c3_w", 5, 5, 6, 16),
    C3_B("c3_b", 16),
    C5_W("c5_w", 400, 120),
    C5_B("c5_b", 120),
    F6_W("f6_w", 120, 84),
    F6_B("f6_b", 84),
    OUT_W("out_w", 84, LeNetParameter.CLASSES),
    OUT_B("out_b", LeNetParameter.CLASSES);

    /** Stands for the number of classes in a dimension: the output layer has one unit per class. */
    private static final long CLASSES = -1;

    private final String variableName;
    private final long[] dimensions;

    LeNetParameter(String variableName, long... dimensions) {
        this.variableName = variableName;
        this.dimensions = dimensions;
    }

    public String variableName() {
        return variableName;
    }

    /** The shape in a LeNet for {@code classes} classes. */
    public Shape shape(int classes) {
        return Shape.of(dimensions(classes));
    }

    public int size(int classes) {
        return (int) Arrays.stream(dimensions(classes)).reduce(1, (a, b) -> a * b);
    }

    private long[] dimensions(int classes) {
        return Arrays.stream(dimensions).map(d -> d == CLASSES ? classes : d).toArray();
    }

    public boolean isBias() {
        return dimensions.length == 1;
    }

    /**
     * Inputs feeding one output unit of a weight tensor: kernel area times input channels for a convolution, rows for
     * a dense layer. Not defined for a bias.
     */
    public long fanIn() {
        if (isBias()) {
            throw new IllegalStateException(variableName + " is a bias: it has no fan-in");
        }
        return dimensions.length == 4 ? dimensions[0] * dimensions[1] * dimensions[2] : dimensions[0];
    }

    /** Outputs fed by one input unit: kernel area times output channels for a convolution, columns for a dense layer. */
    public long fanOut(int classes) {
        long[] d = dimensions(classes);
        return d.length == 4 ? d[0] * d[1] * d[3] : d[1];
    }

    public static List<LeNetParameter> all() {
        return List.of(values());
    }

    public static int totalSize(int classes) {
        return all().stream().mapToInt(p -> p.size(classes)).sum();
    }
}
