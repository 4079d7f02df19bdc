package dev.lenet.report;

import dev.lenet.training.EpochRecord;
import dev.lenet.training.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Writes loss and accuracy scalars per epoch as TensorBoard event files ({@code tensorboard --logdir DIR}), through
 * TensorFlow's own summary ops, in a small graph of its own beside the training graph.
 */
public final class TensorBoardListener implements TrainingListener, AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TInt64> step;
    private final Placeholder<TString> tag;
    private final Placeholder<TFloat32> value;
    private final Op write;
    private final Op flush;
    private final Op closeWriter;

    public TensorBoardListener(Path directory) {
        try {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the TensorBoard directory " + directory, e);
            }
            Ops tf = Ops.create(graph);
            SummaryWriter writer = tf.summary.summaryWriter(SummaryWriter.sharedName("lenet"));
            Op create = tf.summary.createSummaryFileWriter(
                    writer,
                    tf.constant(directory.toAbsolutePath().toString()),
                    tf.constant(10),
                    tf.constant(1000),
                    tf.constant(".lenet"));
            step = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
            tag = tf.placeholder(TString.class, Placeholder.shape(Shape.scalar()));
            value = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            write = tf.summary.writeScalarSummary(writer, step, tag, value);
            flush = tf.summary.flushSummaryWriter(writer);
            closeWriter = tf.summary.closeSummaryWriter(writer);
            session = new Session(graph);
            session.runner().addTarget(create).run().close();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    @Override
    public void epochEnded(EpochRecord record) {
        scalar(record.epoch(), "loss", record.meanLoss());
        scalar(record.epoch(), "accuracy/train", record.trainAccuracy());
        if (record.testAccuracy() != null) {
            scalar(record.epoch(), "accuracy/test", record.testAccuracy());
        }
        if (record.validationLoss() != null) {
            scalar(record.epoch(), "loss/validation", record.validationLoss());
            scalar(record.epoch(), "accuracy/validation", record.validationAccuracy());
        }
        scalar(record.epoch(), "learning_rate", record.learningRate());
        session.runner().addTarget(flush).run().close();
    }

    private void scalar(long epoch, String name, double number) {
        try (TInt64 s = TInt64.scalarOf(epoch);
                TString t = TString.scalarOf(name);
                TFloat32 v = TFloat32.scalarOf((float) number)) {
            session.runner()
                    .feed(step, s)
                    .feed(tag, t)
                    .feed(value, v)
                    .addTarget(write)
                    .run()
                    .close();
        }
    }

    @Override
    public void close() {
        try (graph;
                session) {
            session.runner().addTarget(closeWriter).run().close();
        }
    }
}
