package dev.lenet.inference;

import dev.lenet.LeNetException;
import dev.lenet.data.Digits;
import dev.lenet.evaluation.Evaluation;
import dev.lenet.files.AtomicFiles;
import dev.lenet.export.ModelCard;
import dev.lenet.export.ModelPackage;
import dev.lenet.export.SavedModelExport;
import dev.lenet.model.LeNet5;
import java.io.IOException;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * A trained LeNet, ready to classify 28x28 greyscale digits (one byte per pixel, row-major, 0 = background).
 * Opens a SavedModel directory, a packaged model artifact, or the artifact on the classpath. Close it: it holds
 * a native session, and a model unpacked from an archive lives in a private directory until then.
 */
public final class LeNetClassifier implements AutoCloseable {
    private final SavedModelBundle bundle;
    private final SessionFunction serve;
    private final Path unpacked;
    private final ModelCard card;

    private LeNetClassifier(Path savedModel, Path unpacked) {
        this.unpacked = unpacked;
        this.bundle = SavedModelBundle.load(savedModel.toString(), SavedModelExport.TAG);
        this.serve = bundle.function(SavedModelExport.SIGNATURE);
        Path cardFile = savedModel.resolve(ModelPackage.CARD_JSON);
        ModelCard read = null;
        try {
            if (Files.exists(cardFile)) {
                read = ModelCard.fromJson(Files.readString(cardFile));
            }
        } catch (IOException e) {
            read = null;
        }
        this.card = read;
    }

    /** Opens a SavedModel directory, or a model artifact (.jar or .zip) as {@code lenet:train} attaches it. */
    public static LeNetClassifier open(Path location) {
        if (Files.isDirectory(location)) {
            requireSavedModel(location, location.toString());
            return new LeNetClassifier(location, null);
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
        return openUnpacked(directory, "the classpath");
    }

    private static LeNetClassifier openUnpacked(Path directory, String origin) {
        try {
            requireSavedModel(directory, origin);
            return new LeNetClassifier(directory, directory);
        } catch (RuntimeException e) {
            AtomicFiles.deleteQuietly(directory);
            throw e;
        }
    }

    private static void requireSavedModel(Path directory, String origin) {
        if (!Files.isRegularFile(directory.resolve("saved_model.pb"))) {
            throw new LeNetException(origin + ": holds no saved_model.pb. Give a SavedModel directory or the model"
                    + " artifact (.jar) that lenet:train attached");
        }
    }

    /** The model card packed with the model, or null for a bare SavedModel. */
    public ModelCard card() {
        return card;
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
                throw new IllegalArgumentException("image " + i + " has " + image.length
                        + " bytes; a 28x28 greyscale image has " + Digits.PIXELS);
            }
            System.arraycopy(image, 0, batch, i * Digits.PIXELS, Digits.PIXELS);
        }
        float[] flat = new float[images.size() * Digits.CLASSES];
        try (TUint8 input = TUint8.tensorOf(Shape.of(images.size(), Digits.ROWS, Digits.COLUMNS),
                        DataBuffers.of(batch, true, false));
                Result result = serve.call(Map.of(LeNet5.IMAGE, input))) {
            ((TFloat32) result.get(LeNet5.PROBABILITIES).orElseThrow()).copyTo(DataBuffers.of(flat, false, false));
        }
        List<Prediction> predictions = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            float[] p = new float[Digits.CLASSES];
            System.arraycopy(flat, i * Digits.CLASSES, p, 0, Digits.CLASSES);
            predictions.add(new Prediction(Evaluation.argMax(p), p));
        }
        return predictions;
    }

    @Override
    public void close() {
        bundle.close();
        AtomicFiles.deleteQuietly(unpacked);
    }


}
