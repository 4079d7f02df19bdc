package dev.lenet.inference;

import dev.lenet.Causes;
import dev.lenet.LeNetException;
import dev.lenet.NativePlatform;
import dev.lenet.data.Digits;
import dev.lenet.evaluation.Evaluation;
import dev.lenet.evaluation.Predictions;
import dev.lenet.export.MlBom;
import dev.lenet.export.ModelCard;
import dev.lenet.export.ModelPackage;
import dev.lenet.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.cyclonedx.model.Bom;

/**
 * A trained LeNet, ready to classify 28x28 greyscale digits (one byte per pixel, row-major, 0 = background).
 * Opens a SavedModel directory, a packaged model artifact, or the artifact on the classpath (an artifact is unpacked
 * to a private temporary directory, removed as soon as the model is loaded). Close it: it holds native memory.
 * {@link #classify} and {@link #classifyAll} may be called from several threads at once: each call feeds and fetches
 * its own tensors, and TensorFlow runs concurrent calls independently.
 */
public final class LeNetClassifier implements AutoCloseable {
    private final ModelRunner runner;
    private final ModelCard card;
    private final byte[] mlBom;
    private final List<String> classes;

    /**
     * Loads the model; an unpacked copy is removed once loaded, since the runner then holds all it needs.
     *
     * @param origin how errors name the model: the directory, or the artifact it was unpacked from
     */
    private LeNetClassifier(Path savedModel, Path unpacked, String origin) {
        try {
            this.card = readCard(savedModel.resolve(ModelPackage.CARD_JSON));
            this.mlBom = readIfPresent(savedModel.resolve(MlBom.FILE));
            NativePlatform.current();
            ServingGraph graph = ServingGraph.read(
                    savedModel,
                    unpacked == null ? savedModel.resolve(ServingGraph.FILE).toString() : origin);
            this.classes = classNames(card, graph, origin);
            this.runner = ModelRunner.open(graph);
        } finally {
            AtomicFiles.deleteQuietly(unpacked);
        }
    }

    /**
     * The card's class names; for a bare SavedModel, the indices as names. The graph's output decides how many there
     * are: a card that names another number is refused, since the runner reads as many values as there are classes.
     */
    private static List<String> classNames(ModelCard card, ServingGraph graph, String origin) {
        int outputs = graph.classes();
        if (outputs < 2) {
            throw new LeNetException(origin + ": refused: the graph's probabilities output has " + outputs
                    + " classes (its shape must be [-1,K], K >= 2). Load only models that lenet:train exported");
        }
        if (card != null && card.classes() != null) {
            if (card.classes().size() != outputs) {
                throw new LeNetException(origin + ": refused: " + ModelPackage.CARD_JSON + " names "
                        + card.classes().size() + " classes but the graph's probabilities output has " + outputs
                        + ". The card belongs to another model; rebuild the artifact with lenet:train");
            }
            return card.classes();
        }
        return IntStream.range(0, outputs).mapToObj(Integer::toString).toList();
    }

    /** The names of the classes, in index order. */
    public List<String> classes() {
        return classes;
    }

    private static byte[] readIfPresent(Path file) {
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new LeNetException(file + ": cannot be read (" + Causes.describe(e) + ")", e);
        }
    }

    private static ModelCard readCard(Path file) {
        byte[] json = readIfPresent(file);
        return json == null ? null : ModelCard.fromJson(new String(json, StandardCharsets.UTF_8));
    }

    /** Opens a SavedModel directory, or a model artifact (.jar or .zip) as {@code lenet:train} attaches it. */
    public static LeNetClassifier open(Path location) {
        if (Files.isDirectory(location)) {
            requireSavedModel(location, location.toString());
            return new LeNetClassifier(location, null, location.toString());
        }
        if (!Files.isRegularFile(location)) {
            throw new LeNetException(location + ": no such model. Give a SavedModel directory or the model"
                    + " artifact (.jar) that lenet:train attached");
        }
        Path directory = ModelUnpacker.fromArchive(location);
        return openUnpacked(directory, location.toString());
    }

    /** Opens the model artifact found on the classpath, as a dependency of this application puts it there. */
    public static LeNetClassifier fromClasspath() {
        return fromClasspath(Thread.currentThread().getContextClassLoader());
    }

    public static LeNetClassifier fromClasspath(ClassLoader loader) {
        Path directory = ModelUnpacker.fromClasspath(loader);
        java.net.URL index = loader.getResource(ModelPackage.INDEX);
        return openUnpacked(directory, index == null ? "the classpath" : "the model on the classpath (" + index + ")");
    }

    private static LeNetClassifier openUnpacked(Path directory, String origin) {
        try {
            requireSavedModel(directory, origin);
        } catch (RuntimeException e) {
            AtomicFiles.deleteQuietly(directory);
            throw e;
        }
        return new LeNetClassifier(directory, directory, origin);
    }

    private static void requireSavedModel(Path directory, String origin) {
        if (!Files.isRegularFile(directory.resolve(ServingGraph.FILE))) {
            throw new LeNetException(origin + ": holds no saved_model.pb. Give a SavedModel directory or the model"
                    + " artifact (.jar) that lenet:train attached");
        }
    }

    /** The model card packed with the model, or null for a bare SavedModel. */
    public ModelCard card() {
        return card;
    }

    /** The model's CycloneDX ML-BOM packed with it, or null for a model without one. */
    public Bom mlBom() {
        return mlBom == null ? null : MlBom.parse(mlBom);
    }

    /** Classifies one image of 784 pixels. */
    public Prediction classify(byte[] image) {
        return classifyAll(List.of(image)).get(0);
    }

    /** Classifies many images in one call. */
    public List<Prediction> classifyAll(List<byte[]> images) {
        byte[] batch = new byte[images.size() * Digits.PIXELS];
        for (int i = 0; i < images.size(); i++) {
            byte[] image = images.get(i);
            if (image.length != Digits.PIXELS) {
                throw new IllegalArgumentException(
                        "image " + i + " has " + image.length + " bytes; a 28x28 greyscale image has " + Digits.PIXELS);
            }
            System.arraycopy(image, 0, batch, i * Digits.PIXELS, Digits.PIXELS);
        }
        float[] flat = probabilities(batch, images.size());
        List<Prediction> predictions = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            float[] p = new float[classes.size()];
            System.arraycopy(flat, i * classes.size(), p, 0, classes.size());
            int best = Evaluation.argMax(p);
            predictions.add(new Prediction(best, classes.get(best), p));
        }
        return predictions;
    }

    /** Runs the model over a labelled set, in batches, and evaluates it. */
    public Predictions predict(Digits digits) {
        return Predictions.of(digits, classes.size(), this::probabilities);
    }

    private float[] probabilities(byte[] pixels, int count) {
        float[] flat = new float[count * classes.size()];
        runner.probabilities(pixels, count, flat);
        return flat;
    }

    @Override
    public void close() {
        runner.close();
    }
}
