package dev.lenet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TUint8;

class LeNet5Test {

    @Test
    void hasTheReferenceParameterCount() {
        assertEquals(61_706, LeNetParameter.totalSize());
    }

    @Test
    void everyLayerHasTheReferenceOutputShape() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            var images = tf.placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, 28, 28)));
            ModelSummary summary = ModelSummary.of(LeNet5.forward(tf, images, LeNet5.variables(tf), true));
            List<long[]> shapes = summary.rows().stream().map(ModelSummary.Row::outputShape).toList();
            assertArrayEquals(new long[] {32, 32, 1}, shapes.get(0), "input padded to 32x32");
            assertArrayEquals(new long[] {28, 28, 6}, shapes.get(1), "C1");
            assertArrayEquals(new long[] {14, 14, 6}, shapes.get(2), "S2");
            assertArrayEquals(new long[] {10, 10, 16}, shapes.get(3), "C3");
            assertArrayEquals(new long[] {5, 5, 16}, shapes.get(4), "S4");
            assertArrayEquals(new long[] {400}, shapes.get(5), "flatten");
            assertArrayEquals(new long[] {120}, shapes.get(6), "C5");
            assertArrayEquals(new long[] {84}, shapes.get(7), "F6");
            assertArrayEquals(new long[] {10}, shapes.get(8), "logits");
            assertEquals(List.of(0, 156, 0, 2416, 0, 0, 48120, 10164, 850),
                    summary.rows().stream().map(ModelSummary.Row::parameters).toList());
            assertEquals(61_706, summary.totalParameters());
            assertEquals("Total trainable                           61,706", summary.table().lines().reduce((a, b) -> b).orElseThrow());
        }
    }
}
