package dev.lenet.training;

import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.data.Dataset;
import dev.lenet.files.AtomicFiles;
import dev.lenet.model.LeNetParameter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The training state saved after an epoch, with the {@link Fingerprint} of what it was trained from: enough to resume and end with the same
 * bits as a run that never stopped. Written beside itself and moved into place, so a kill mid-write leaves the previous
 * checkpoint.
 *
 * @param fingerprint the {@link Fingerprint#text()} of the run; a checkpoint of another run is
 *     never resumed
 */
public record Checkpoint(String fingerprint, TrainingState state) {

    private static final int MAGIC = 0x4C4E4332; // "LNC2": since the class count is written with the weights
    static final String FILE = "training-state.bin";

    public void write(Path directory) {
        try {
            AtomicFiles.write(directory.resolve(FILE), partial -> writeTo(partial));
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot write the training checkpoint in " + directory + " (" + Causes.describe(e) + ")", e);
        }
    }

    private void writeTo(Path partial) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            out.writeInt(MAGIC);
            out.writeUTF(fingerprint);
            out.writeInt(state.epochsDone());
            out.writeLong(state.steps());
            writeWeights(out, state.weights());
            writeWeights(out, state.firstMoments());
            writeWeights(out, state.secondMoments());
            out.writeBoolean(state.best() != null);
            if (state.best() != null) {
                writeWeights(out, state.best());
            }
            out.writeDouble(state.bestScore());
            out.writeInt(state.bestEpoch());
            out.writeInt(state.epochsSinceBest());
            out.writeInt(state.history().size());
            for (EpochRecord r : state.history()) {
                out.writeInt(r.epoch());
                out.writeInt(r.epochs());
                out.writeDouble(r.learningRate());
                out.writeDouble(r.meanLoss());
                out.writeDouble(r.trainAccuracy());
                writeNullable(out, r.validationLoss());
                writeNullable(out, r.validationAccuracy());
                writeNullable(out, r.testAccuracy());
                out.writeDouble(r.seconds());
                out.writeDouble(r.imagesPerSecond());
                out.writeLong(r.residentBytes());
            }
        }
    }

    /** The checkpoint in {@code directory}, or null when there is none or it cannot be read whole. */
    public static Checkpoint read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            String fingerprint = in.readUTF();
            int epochsDone = in.readInt();
            long steps = in.readLong();
            TrainedWeights weights = readWeights(in);
            TrainedWeights m = readWeights(in);
            TrainedWeights v = readWeights(in);
            TrainedWeights best = in.readBoolean() ? readWeights(in) : null;
            double bestScore = in.readDouble();
            int bestEpoch = in.readInt();
            int since = in.readInt();
            int count = in.readInt();
            List<EpochRecord> history = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                history.add(new EpochRecord(
                        in.readInt(),
                        in.readInt(),
                        in.readDouble(),
                        in.readDouble(),
                        in.readDouble(),
                        readNullable(in),
                        readNullable(in),
                        readNullable(in),
                        in.readDouble(),
                        in.readDouble(),
                        in.readLong()));
            }
            return new Checkpoint(
                    fingerprint,
                    new TrainingState(epochsDone, steps, weights, m, v, history, best, bestScore, bestEpoch, since));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static void delete(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve(FILE));
        } catch (IOException e) {
            // a stale checkpoint of finished training is never resumed: its fingerprint matches only an unfinished run
        }
    }

    private static void writeWeights(DataOutputStream out, TrainedWeights w) throws IOException {
        out.writeInt(w.classes());
        for (LeNetParameter p : LeNetParameter.all()) {
            for (float f : w.get(p)) {
                out.writeFloat(f);
            }
        }
    }

    private static TrainedWeights readWeights(DataInputStream in) throws IOException {
        Map<LeNetParameter, float[]> values = new EnumMap<>(LeNetParameter.class);
        int classes = in.readInt();
        if (classes < 2 || classes > Dataset.MAX_CLASSES) {
            throw new IOException("not a checkpoint: " + classes + " classes");
        }
        for (LeNetParameter p : LeNetParameter.all()) {
            float[] value = new float[p.size(classes)];
            for (int i = 0; i < value.length; i++) {
                value[i] = in.readFloat();
            }
            values.put(p, value);
        }
        return new TrainedWeights(values);
    }

    private static void writeNullable(DataOutputStream out, Double value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    private static Double readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }
}
