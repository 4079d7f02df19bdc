package dev.lenet.model;

import java.util.List;
import java.util.stream.Collectors;
import org.tensorflow.ndarray.Shape;

/** The model's layers with their output shapes and parameter counts, as Keras' {@code model.summary()} shows them. */
public record ModelSummary(List<Row> rows) {

    /** One layer: its output shape without the batch dimension. */
    public record Row(String layer, long[] outputShape, int parameters) {
        public String shapeText() {
            return java.util.Arrays.stream(outputShape).mapToObj(Long::toString).collect(Collectors.joining("x"));
        }
    }

    public static ModelSummary of(LeNet5.Forward forward, int classes) {
        return new ModelSummary(forward.layers().stream()
                .map(layer -> {
                    Shape shape = layer.output().shape();
                    long[] withoutBatch = java.util.Arrays.copyOfRange(shape.asArray(), 1, shape.numDimensions());
                    int parameters = layer.parameters().stream()
                            .mapToInt(p -> p.size(classes))
                            .sum();
                    return new Row(layer.name(), withoutBatch, parameters);
                })
                .toList());
    }

    public int totalParameters() {
        return rows.stream().mapToInt(Row::parameters).sum();
    }

    /** A fixed-width table, one line per layer and a total. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format("%-24s %-12s %10s%n", "Layer", "Output", "Params"));
        for (Row row : rows) {
            out.append(String.format("%-24s %-12s %,10d%n", row.layer(), row.shapeText(), row.parameters()));
        }
        out.append(String.format("%-24s %-12s %,10d", "Total trainable", "", totalParameters()));
        return out.toString();
    }
}
