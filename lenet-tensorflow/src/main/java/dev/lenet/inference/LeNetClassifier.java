package dev.lenet.inference;

import dev.lenet.contract.Batches;
import dev.lenet.contract.CardSummary;
import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.contract.ModelException;
import dev.lenet.contract.ModelSignature;
import dev.lenet.contract.Prediction;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A trained LeNet, ready to classify 28x28 greyscale digits (one byte per pixel, row-major, 0 = background).
 * Opens a SavedModel directory, a packaged model artifact, or the artifact on the classpath (an artifact is unpacked
 * to a private temporary directory, removed as soon as the model is loaded). Close it: it holds native memory.
 * {@link #classify} and {@link #classifyAll} may be called from several threads at once: each call feeds and fetches
 * its own tensors, and TensorFlow runs concurrent calls independently.
 */
public final class LeNetClassifier implements AutoCloseable {
    private final ModelRunner runner;
    private final String cardJson;
    private final CardSummary card;
    private final String mlBomJson;
    private final List<String> classes;

    /**
     * Loads the model; an unpacked copy is removed once loaded, since the runner then holds all it needs.
     *
     * @param origin how errors name the model: the directory, or the artifact it was unpacked from
     */
    private LeNetClassifier(Path savedModel, Path unpacked, String origin) {
        try {
            this.cardJson = readIfPresent(savedModel.resolve(ModelArtifact.CARD_JSON));
            this.card = cardJson == null ? null : CardSummary.parse(cardJson, origin + " " + ModelArtifact.CARD_JSON);
            this.mlBomJson = readIfPresent(savedModel.resolve(ModelArtifact.ML_BOM));
            NativePlatform.current();
            ServingGraph graph = ServingGraph.read(
                    savedModel,
                    unpacked == null
                            ? savedModel.resolve(ModelArtifact.SAVED_MODEL).toString()
                            : origin);
            this.classes = classNames(card, graph, origin);
            this.runner = ModelRunner.open(graph);
        } finally {
            PrivateDirectory.delete(unpacked);
        }
    }

    /**
     * The card's class names; for a bare SavedModel, the indices as names. The graph's output decides how many there
     * are: a card that names another number is refused, since the runner reads as many values as there are classes.
     */
    private static List<String> classNames(CardSummary card, ServingGraph graph, String origin) {
        int outputs = graph.classes();
        if (outputs < 2) {
            throw new ModelException(origin + ": refused: the graph's probabilities output has " + outputs
                    + " classes (its shape must be [-1,K], K >= 2). Load only models that lenet:train exported");
        }
        if (card != null && card.classes() != null) {
            if (card.classes().size() != outputs) {
                throw new ModelException(origin + ": refused: " + ModelArtifact.CARD_JSON + " names "
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

    private static String readIfPresent(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new ModelException(file + ": cannot be read (" + Causes.describe(e) + ")", e);
        }
    }

    /** Opens a SavedModel directory, or a model artifact (.jar or .zip) as {@code lenet:train} attaches it. */
    public static LeNetClassifier open(Path location) {
        if (Files.isDirectory(location)) {
            requireSavedModel(location, location.toString());
            return new LeNetClassifier(location, null, location.toString());
        }
        if (!Files.isRegularFile(location)) {
            throw new ModelException(location + ": no such model. Give a SavedModel directory or the model"
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
        URL index = loader.getResource(ModelArtifact.INDEX);
        return openUnpacked(directory, index == null ? "the classpath" : "the model on the classpath (" + index + ")");
    }

    private static LeNetClassifier openUnpacked(Path directory, String origin) {
        try {
            requireSavedModel(directory, origin);
        } catch (RuntimeException e) {
            PrivateDirectory.delete(directory);
            throw e;
        }
        return new LeNetClassifier(directory, directory, origin);
    }

    private static void requireSavedModel(Path directory, String origin) {
        if (!Files.isRegularFile(directory.resolve(ModelArtifact.SAVED_MODEL))) {
            throw new ModelException(origin + ": holds no saved_model.pb. Give a SavedModel directory or the model"
                    + " artifact (.jar) that lenet:train attached");
        }
    }

    /** The model card's fields a consumer reads; null for a bare SavedModel. */
    public CardSummary card() {
        return card;
    }

    /** The whole model card as JSON ({@value ModelArtifact#CARD_JSON}); null for a bare SavedModel. */
    public String cardJson() {
        return cardJson;
    }

    /** The model's CycloneDX ML-BOM as JSON ({@value ModelArtifact#ML_BOM}); null for a model without one. */
    public String mlBomJson() {
        return mlBomJson;
    }

    /** Classifies one image of 784 pixels. */
    public Prediction classify(byte[] image) {
        return classifyAll(List.of(image)).get(0);
    }

    /** Classifies many images in one call. */
    public List<Prediction> classifyAll(List<byte[]> images) {
        return Batches.predictions(probabilities(Batches.pack(images), images.size()), images.size(), classes);
    }

    /**
     * The probabilities of {@code count} images of {@value ModelSignature#PIXELS} pixels each, given one after another
     * in {@code pixels}: {@code count} rows of one value per class.
     */
    public float[] probabilities(byte[] pixels, int count) {
        if (pixels.length != (long) count * ModelSignature.PIXELS) {
            throw new IllegalArgumentException(
                    pixels.length + " bytes are not " + count + " images of " + ModelSignature.PIXELS + " pixels");
        }
        float[] flat = new float[count * classes.size()];
        runner.probabilities(pixels, count, flat);
        return flat;
    }

    @Override
    public void close() {
        runner.close();
    }
}
