package dev.lenet.training;

import dev.lenet.contract.ModelSignature;
import dev.lenet.data.LabeledImages;
import dev.lenet.evaluation.Predictions;
import dev.lenet.model.LeNetParameter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * The training graph in a running session: every call the loop makes into the runtime (load the data, initialise,
 * shuffle, one step, evaluate, copy variables out and in). Owns the Graph and the Session: close it.
 */
final class TrainingSession implements AutoCloseable {
    private final Graph graph;
    private final TrainingGraph nodes;
    private final Session session;

    private final int classes;
    /** Set when the training set is fed a batch at a time: it, and the order the last shuffle drew. */
    private LabeledImages fed;

    private int[] order;
    private byte[] batchPixels;
    private int[] batchLabels;

    /**
     * Builds the graph for {@code trainCount} training images of {@code classes} classes and opens a session on it.
     *
     * @param byBatch true feeds each step its batch (for a training set left on disk); false loads the set once
     */
    TrainingSession(TrainingConfig config, int trainCount, int classes, DeviceChoice device, boolean byBatch) {
        this.classes = classes;
        this.graph = new Graph();
        try {
            Parallelism parallelism = Parallelism.of(config.effectiveThreads(), config.batchSize(), device.gpu());
            this.nodes =
                    new TrainingGraph(graph, config, trainCount, classes, !device.gpu(), byBatch, parallelism.towers());
            this.session = new Session(
                    graph, device.sessionConfig(parallelism.intraOpThreads(), parallelism.interOpThreads()));
        } catch (RuntimeException | Error e) {
            // A half-built session is never closed by its caller: free the native graph here.
            graph.close();
            throw e;
        }
    }

    TrainingGraph nodes() {
        return nodes;
    }

    /**
     * The training set into the runtime once (or kept to feed by batch), then every variable to its seeded initial
     * value.
     */
    void loadAndInitialize(LabeledImages train) {
        if (nodes.input().byBatch()) {
            fed = train;
            session.runner().addTarget(nodes.state().initialize()).run().close();
            return;
        }
        try (TUint8 allImages = TUint8.tensorOf(
                        Shape.of(train.count(), ModelSignature.ROWS, ModelSignature.COLUMNS),
                        DataBuffers.of(train.images(), true, false));
                TInt32 allLabels =
                        TInt32.tensorOf(Shape.of(train.count()), DataBuffers.of(toInts(train.labels()), true, false))) {
            session.runner()
                    .feed(nodes.input().imagesFeed(), allImages)
                    .feed(nodes.input().labelsFeed(), allLabels)
                    .addTarget(nodes.input().load())
                    .run()
                    .close();
        }
        session.runner().addTarget(nodes.state().initialize()).run().close();
    }

    /** A new seeded order of the training set. */
    void shuffle(long seed, long stream) {
        try (TInt64 seeds = TInt64.vectorOf(seed, stream)) {
            session.runner()
                    .feed(nodes.shuffle().seed(), seeds)
                    .addTarget(nodes.shuffle().run())
                    .run()
                    .close();
        }
        if (fed != null) {
            try (Result result = session.runner().fetch(nodes.state().order()).run()) {
                order = new int[fed.count()];
                ((TInt32) result.get(0)).copyTo(DataBuffers.of(order, false, false));
            }
        }
    }

    /** What one step measured on its batch, before its update: the mean loss and the count classified right. */
    record StepResult(double loss, int correct) {}

    /** One Adam step on the batch at {@code start} of the shuffled order; {@code t} counts steps from 1. */
    StepResult step(int start, int size, double rate, long t, double beta1, double beta2, long seed) {
        TrainingGraph.Step step = nodes.step(size);
        try (TFloat32 lr = TFloat32.scalarOf((float) rate);
                TInt32 startTensor = TInt32.vectorOf(start);
                TInt32 sizeTensor = TInt32.vectorOf(size);
                TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(beta1, t));
                TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(beta2, t));
                TInt64 augmentSeed = step.augmentSeed() == null ? null : TInt64.vectorOf(seed, t)) {
            Session.Runner runner = session.runner()
                    .feed(step.batchStart(), startTensor)
                    .feed(step.batchSize(), sizeTensor)
                    .feed(step.learningRate(), lr)
                    .feed(step.beta1Power(), b1)
                    .feed(step.beta2Power(), b2);
            if (step.augmentSeed() != null) {
                runner.feed(step.augmentSeed(), augmentSeed);
            }
            try (TUint8 images = fed == null ? null : batchImages(start, size);
                    TInt32 labels = fed == null ? null : batchLabels(start, size)) {
                if (fed != null) {
                    runner.feed(nodes.input().imagesFeed(), images)
                            .feed(nodes.input().labelsFeed(), labels);
                }
                try (Result result = runner.addTarget(step.run())
                        .fetch(step.loss())
                        .fetch(step.correct())
                        .run()) {
                    return new StepResult(((TFloat32) result.get(0)).getFloat(), ((TInt32) result.get(1)).getInt());
                }
            }
        }
    }

    /** The batch's images, read in the shuffled order: what the in-runtime gather would give. */
    private TUint8 batchImages(int start, int size) {
        if (batchPixels == null || batchPixels.length != size * ModelSignature.PIXELS) {
            batchPixels = new byte[size * ModelSignature.PIXELS];
        }
        fed.pixels().gather(order, start, size, batchPixels);
        return TUint8.tensorOf(
                Shape.of(size, ModelSignature.ROWS, ModelSignature.COLUMNS), DataBuffers.of(batchPixels, true, false));
    }

    private TInt32 batchLabels(int start, int size) {
        if (batchLabels == null || batchLabels.length != size) {
            batchLabels = new int[size];
        }
        for (int i = 0; i < size; i++) {
            batchLabels[i] = fed.label(order[start + i]);
        }
        return TInt32.tensorOf(Shape.of(size), DataBuffers.of(batchLabels, true, false));
    }

    /** Puts weights, and Adam's moments unless null, into the runtime. */
    void load(TrainedWeights values, TrainedWeights first, TrainedWeights second) {
        Session.Runner runner = session.runner();
        List<TFloat32> tensors = new ArrayList<>();
        try {
            for (LeNetParameter p : LeNetParameter.all()) {
                feed(runner, tensors, nodes.state().weights().get(p), values.get(p));
                if (first != null) {
                    feed(runner, tensors, nodes.state().firstMoments().get(p), first.get(p));
                    feed(runner, tensors, nodes.state().secondMoments().get(p), second.get(p));
                }
            }
            runner.run().close();
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    private void feed(Session.Runner runner, List<TFloat32> tensors, Variable<TFloat32> variable, float[] value) {
        TFloat32 tensor = TFloat32.tensorOf(variable.shape(), DataBuffers.of(value, true, false));
        tensors.add(tensor);
        runner.feed(nodes.state().feeds().get(variable), tensor)
                .addTarget(nodes.state().assigns().get(variable));
    }

    /** Predictions of the current weights on {@code digits}, in large batches. */
    public Predictions evaluate(LabeledImages digits) {
        return Predictions.of(digits, classes, (pixels, count) -> {
            try (TUint8 input = TUint8.tensorOf(
                            Shape.of(count, ModelSignature.ROWS, ModelSignature.COLUMNS),
                            DataBuffers.of(pixels, true, false));
                    Result result = session.runner()
                            .feed(nodes.head().image(), input)
                            .fetch(nodes.head().probabilities())
                            .run()) {
                float[] flat = new float[count * classes];
                ((TFloat32) result.get(0)).copyTo(DataBuffers.of(flat, false, false));
                return flat;
            }
        });
    }

    /** The current weights, copied out of the runtime. */
    public TrainedWeights weights() {
        return read(nodes.state().weights());
    }

    /** The current values of one variable per parameter, copied out of the runtime. */
    TrainedWeights read(Map<LeNetParameter, Variable<TFloat32>> variables) {
        Session.Runner runner = session.runner();
        LeNetParameter.all().forEach(p -> runner.fetch(variables.get(p)));
        Map<LeNetParameter, float[]> values = new EnumMap<>(LeNetParameter.class);
        try (Result result = runner.run()) {
            for (LeNetParameter p : LeNetParameter.all()) {
                float[] value = new float[p.size(classes)];
                ((TFloat32) result.get(p.ordinal())).copyTo(DataBuffers.of(value, false, false));
                values.put(p, value);
            }
        }
        return new TrainedWeights(values);
    }

    private static int[] toInts(byte[] labels) {
        int[] ints = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            ints[i] = labels[i] & 0xff;
        }
        return ints;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            graph.close();
        }
    }
}
