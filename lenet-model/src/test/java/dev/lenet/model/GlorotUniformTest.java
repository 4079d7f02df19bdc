package dev.lenet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

@Slow
class GlorotUniformTest {
    private static final Shape SHAPE = Shape.of(400, 120);

    private static float[] sample(long seed, long stream) {
        try (Graph graph = new Graph();
                Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            var op = GlorotUniform.sample(tf, SHAPE, 400, 120, seed, stream);
            float[] values = new float[400 * 120];
            try (var result = session.runner().fetch(op).run()) {
                ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
            }
            return values;
        }
    }

    @Test
    void drawsFromMinusLimitToLimitWithTheUniformSpread() {
        float[] values = sample(42, 0);
        double limit = GlorotUniform.limit(400, 120);
        assertEquals(Math.sqrt(6.0 / 520), limit, 1e-12);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum = 0;
        double squares = 0;
        long negative = 0;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            squares += (double) v * v;
            if (v < 0) {
                negative++;
            }
        }
        double mean = sum / values.length;
        double variance = squares / values.length - mean * mean;
        assertTrue(min >= -limit && max < limit, "within [-limit, limit): " + min + " .. " + max);
        assertTrue(min < -0.95 * limit && max > 0.95 * limit, "covers both ends: " + min + " .. " + max);
        assertEquals(0, mean, 0.01 * limit, "centred on zero");
        assertEquals(limit * limit / 3, variance, 0.03 * limit * limit / 3, "variance of U(-limit, limit)");
        assertEquals(0.5, (double) negative / values.length, 0.02, "half the weights are negative");
    }

    @Test
    void theSeedDecidesTheValues() {
        assertArrayEquals(sample(42, 3), sample(42, 3));
        assertFalse(Arrays.equals(sample(42, 3), sample(43, 3)));
        assertFalse(Arrays.equals(sample(42, 3), sample(42, 4)));
    }
}
