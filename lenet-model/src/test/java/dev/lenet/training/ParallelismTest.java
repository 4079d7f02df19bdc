package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParallelismTest {
    @Test
    void onTheCpuABatchIsSplitIntoATowerPerThreadOfAtLeast32Images() {
        assertEquals(new Parallelism(2, 1), Parallelism.of(2, 384, false));
        assertEquals(new Parallelism(4, 2), Parallelism.of(8, 128, false), "four towers of 32, two threads each");
        assertEquals(new Parallelism(1, 2), Parallelism.of(2, 50, false), "two towers of 25 would be too small");
        assertEquals(new Parallelism(1, 1), Parallelism.of(1, 384, false));
    }

    @Test
    void aGpuTakesTheBatchWhole() {
        assertEquals(new Parallelism(1, 2), Parallelism.of(2, 384, true));
    }
}
