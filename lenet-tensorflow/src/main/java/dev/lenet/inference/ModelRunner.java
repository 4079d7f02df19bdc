package dev.lenet.inference;

/** Runs a SavedModel's serving signature: a batch of images in, their class probabilities out. */
interface ModelRunner extends AutoCloseable {
    /** Writes the probabilities of {@code count} images of 28x28 pixels, image after image, into {@code into}. */
    void probabilities(byte[] pixels, int count, float[] into);

    @Override
    void close();

    /**
     * The runner for a SavedModel. A frozen graph (every model lenet:train exports) runs as a function; a graph with
     * variables (a SavedModel trained elsewhere) in a session that restores them.
     */
    static ModelRunner open(ServingGraph graph) {
        return graph.frozen() ? new FunctionRunner(graph) : new SessionRunner(graph);
    }
}
