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

    /** Builds the graph for {@code trainCount} training images of {@code classes} classes and opens a session on it. */
    TrainingSession(TrainingConfig config, int trainCount, int classes, DeviceChoice device) {
        this.classes = classes;
        this.graph = new Graph();
        try {
            this.nodes = new TrainingGraph(graph, config, trainCount, classes, !device.gpu());
            this.session = new Session(graph, device.sessionConfig(config.effectiveThreads()));
        } catch (RuntimeException | Error e) {
            // A half-built session is never closed by its caller: free the native graph here.
            graph.close();
            throw e;
        }
    }

    TrainingGraph nodes() {
        return nodes;
    }

    /** The training set into the runtime once, then every variable to its seeded initial value. */
    void loadAndInitialize(LabeledImages train) {
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
    }

    /** What one step measured on its batch, before its update: the mean loss and the count classified right. */
    record StepResult(double loss, int correct) {}

    /** One Adam step on the batch at {@code start} of the shuffled order; {@code t} counts steps from 1. */
    StepResult step(int start, int size, double rate, long t, double beta1, double beta2, long seed) {
        try (TFloat32 lr = TFloat32.scalarOf((float) rate);
                TInt32 startTensor = TInt32.vectorOf(start);
                TInt32 sizeTensor = TInt32.vectorOf(size);
                TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(beta1, t));
                TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(beta2, t));
                TInt64 augmentSeed = nodes.step().augmentSeed() == null ? null : TInt64.vectorOf(seed, t)) {
            Session.Runner runner = session.runner()
                    .feed(nodes.step().batchStart(), startTensor)
                    .feed(nodes.step().batchSize(), sizeTensor)
                    .feed(nodes.step().learningRate(), lr)
                    .feed(nodes.step().beta1Power(), b1)
                    .feed(nodes.step().beta2Power(), b2);
            if (nodes.step().augmentSeed() != null) {
                runner.feed(nodes.step().augmentSeed(), augmentSeed);
            }
            try (Result result = runner.addTarget(nodes.step().run())
                    .fetch(nodes.step().loss())
                    .fetch(nodes.step().correct())
                    .run()) {
                return new StepResult(((TFloat32) result.get(0)).getFloat(), ((TInt32) result.get(1)).getInt());
            }
        }
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
