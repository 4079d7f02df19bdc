package dev.lenet.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.lenet.contract.Batches;
import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.contract.ModelException;
import dev.lenet.contract.ModelSignature;
import dev.lenet.contract.Prediction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A trained LeNet on ONNX Runtime, ready to classify 28x28 greyscale digits (one byte per pixel, row-major,
 * 0 = background). Opens the {@value ModelArtifact#ONNX_ENTRY} of a model artifact on the classpath or on disk, or a {@code .onnx}
 * file. Close it: it holds a native session. {@link #classify} and {@link #classifyAll} may be called from several
 * threads at once (ONNX Runtime's sessions are thread-safe).
 */
public final class OnnxClassifier implements AutoCloseable {
    private static final int MAX_MODEL_BYTES = 16 << 20;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final List<String> classes;

    private OnnxClassifier(byte[] model, String origin) {
        if (model.length > MAX_MODEL_BYTES) {
            throw new ModelException(origin + ": refused: more than " + (MAX_MODEL_BYTES >> 20) + " MiB, far"
                    + " more than a LeNet model (about 250 KB). Load only models that lenet:train exported");
        }
        try {
            this.session = environment.createSession(model, new OrtSession.SessionOptions());
            this.classes = classNames(session.getMetadata().getCustomMetadata(), outputWidth(session), origin);
        } catch (OrtException e) {
            throw new ModelException(
                    origin + ": ONNX Runtime cannot load it as a model (" + e.getMessage()
                            + "). Rebuild the model with lenet:train",
                    e);
        }
    }

    /** The width of the probabilities output, as the model declares it; -1 when it declares none. */
    private static long outputWidth(OrtSession session) throws OrtException {
        NodeInfo output = session.getOutputInfo().get(ModelSignature.PROBABILITIES);
        if (output == null || !(output.getInfo() instanceof TensorInfo tensor) || tensor.getShape().length != 2) {
            return -1;
        }
        return tensor.getShape()[1];
    }

    /**
     * The class names of the metadata, refused unless their number is the width of the probabilities output: the
     * metadata is text anyone can write, and each classification reads as many values as there are classes.
     */
    private static List<String> classNames(Map<String, String> metadata, long outputWidth, String origin) {
        String count = metadata.get(ModelSignature.ONNX_CLASS_COUNT);
        if (count == null) {
            throw new ModelException(origin + ": has no " + ModelSignature.ONNX_CLASS_COUNT
                    + " metadata. Rebuild the model with" + " lenet-maven-plugin 1.0.0 or later");
        }
        int classes;
        try {
            classes = Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            throw new ModelException(
                    origin + ": refused: its " + ModelSignature.ONNX_CLASS_COUNT + " metadata is '" + count
                            + "', not a number of classes." + " Rebuild the model with lenet:train",
                    e);
        }
        if (classes < 2 || classes != outputWidth) {
            throw new ModelException(
                    origin + ": refused: its " + ModelSignature.ONNX_CLASS_COUNT + " metadata says " + classes
                            + " classes but its " + ModelSignature.PROBABILITIES + " output is " + outputWidth
                            + " wide. Rebuild the model"
                            + " with lenet:train");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add(Optional.ofNullable(metadata.get(ModelSignature.ONNX_CLASS_NAME + i))
                    .orElse(Integer.toString(i)));
        }
        return List.copyOf(names);
    }

    /** The names of the classes, in index order. */
    public List<String> classes() {
        return classes;
    }

    /** Opens the model artifact found on the classpath, as a dependency of this application puts it there. */
    public static OnnxClassifier fromClasspath() {
        return fromClasspath(Thread.currentThread().getContextClassLoader());
    }

    public static OnnxClassifier fromClasspath(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(ModelArtifact.ONNX_ENTRY)) {
            if (in == null) {
                throw new ModelException(
                        "no " + ModelArtifact.ONNX_ENTRY + " on the classpath. Add the model artifact as a"
                                + " dependency (<classifier>model</classifier>), built by lenet-maven-plugin 1.0.0 or later");
            }
            return new OnnxClassifier(
                    in.readNBytes(MAX_MODEL_BYTES + 1), ModelArtifact.ONNX_ENTRY + " on the classpath");
        } catch (IOException e) {
            throw new ModelException(
                    "cannot read " + ModelArtifact.ONNX_ENTRY + " from the classpath (" + Causes.describe(e) + ")", e);
        }
    }

    /** Opens a model artifact (.jar or .zip) as lenet:train attaches it, or a {@code .onnx} file. */
    public static OnnxClassifier open(Path location) {
        if (!Files.isRegularFile(location)) {
            throw new ModelException(location + ": no such model. Give the model artifact (.jar) that"
                    + " lenet:train attached, or its model.onnx");
        }
        try {
            if (location.getFileName().toString().endsWith(".onnx")) {
                try (InputStream in = Files.newInputStream(location)) {
                    return new OnnxClassifier(in.readNBytes(MAX_MODEL_BYTES + 1), location.toString());
                }
            }
            try (ZipFile zip = new ZipFile(location.toFile())) {
                ZipEntry entry = Optional.ofNullable(zip.getEntry(ModelArtifact.ONNX_ENTRY))
                        .orElseThrow(() -> new ModelException(location + ": holds no " + ModelArtifact.ONNX_ENTRY
                                + ". Rebuild the model with lenet-maven-plugin 1.0.0 or later"));
                try (InputStream in = zip.getInputStream(entry)) {
                    return new OnnxClassifier(
                            in.readNBytes(MAX_MODEL_BYTES + 1), location + "!" + ModelArtifact.ONNX_ENTRY);
                }
            }
        } catch (IOException e) {
            throw new ModelException(location + ": cannot be read as a model (" + Causes.describe(e) + ")", e);
        }
    }

    /** Classifies one image of 784 pixels. */
    public Prediction classify(byte[] image) {
        return classifyAll(List.of(image)).get(0);
    }

    /** Classifies many images in one call. */
    public List<Prediction> classifyAll(List<byte[]> images) {
        byte[] pixels = Batches.pack(images);
        ByteBuffer batch = ByteBuffer.allocateDirect(pixels.length).put(pixels).flip();
        try (OnnxTensor input = OnnxTensor.createTensor(
                        environment,
                        batch,
                        new long[] {images.size(), ModelSignature.ROWS, ModelSignature.COLUMNS},
                        OnnxJavaType.UINT8);
                OrtSession.Result result =
                        session.run(Map.of(ModelSignature.IMAGE, input), Set.of(ModelSignature.PROBABILITIES))) {
            OnnxValue output = result.get(ModelSignature.PROBABILITIES).orElseThrow();
            FloatBuffer buffer = ((OnnxTensor) output).getFloatBuffer();
            float[] flat = new float[buffer.remaining()];
            buffer.get(flat);
            return Batches.predictions(flat, images.size(), classes);
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "ONNX Runtime failed to classify " + images.size() + " images: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to close its session: " + e.getMessage(), e);
        }
    }
}
