package dev.lenet.training;

/**
 * How a training step uses its threads. LeNet-5's operators are too small for one of them to keep several cores busy,
 * so on the CPU each step's batch is split into towers, one per thread, whose single-threaded operators run side by
 * side, their gradients summed in the graph (1.4 times the images a second of two threads per operator, on 2 cores).
 * A tower gets at least {@value #MIN_TOWER_IMAGES} images; a GPU takes the batch whole. The weights depend on the
 * number of towers (sums in another order), which the threads, in the fingerprint, decide.
 *
 * @param towers how many parts a batch is split into
 * @param intraOpThreads the threads each operator may use
 */
record Parallelism(int towers, int intraOpThreads) {
    static final int MIN_TOWER_IMAGES = 32;

    static Parallelism of(int threads, int batchSize, boolean gpu) {
        if (gpu) {
            return new Parallelism(1, threads);
        }
        int towers = Math.max(1, Math.min(threads, batchSize / MIN_TOWER_IMAGES));
        return new Parallelism(towers, Math.max(1, threads / towers));
    }

    /** Threads for independent operators: one per tower, so that the towers run at once. */
    int interOpThreads() {
        return towers;
    }
}
