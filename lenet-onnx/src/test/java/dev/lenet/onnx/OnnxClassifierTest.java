package dev.lenet.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import dev.lenet.contract.Batches;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.contract.ModelException;
import dev.lenet.contract.ModelSignature;
import dev.lenet.contract.Prediction;
import dev.lenet.data.Dataset;
import dev.lenet.export.OnnxExport;
import dev.lenet.model.LeNetParameter;
import dev.lenet.training.TrainedWeights;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening and classifying with ONNX Runtime alone; no TensorFlow class is touched. */
class OnnxClassifierTest {
    @TempDir
    Path temp;

    /** Seeded random weights: the ONNX export needs no training, and none of TensorFlow. */
    static byte[] model() {
        Random random = new Random(3);
        Map<LeNetParameter, float[]> values = new EnumMap<>(LeNetParameter.class);
        for (LeNetParameter p : LeNetParameter.all()) {
            float[] v = new float[p.size(10)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * (p.isBias() ? 0.1 : Math.sqrt(2.0 / p.fanIn())));
            }
            values.put(p, v);
        }
        return OnnxExport.bytes(new TrainedWeights(values), true, Dataset.DIGITS);
    }

    static List<byte[]> images(int count) {
        Random random = new Random(5);
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] image = new byte[ModelSignature.PIXELS];
            random.nextBytes(image);
            images.add(image);
        }
        return images;
    }

    private Path jar(String entry, byte[] content) throws IOException {
        Path jar = temp.resolve("model.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return jar;
    }

    @Test
    void theOnnxFileTheArtifactAndTheClasspathGiveTheSamePredictions() throws IOException {
        Path onnx = Files.write(temp.resolve("model.onnx"), model());
        Path jar = jar(ModelArtifact.ONNX_ENTRY, model());
        List<byte[]> images = images(7);
        List<Prediction> fromFile;
        try (OnnxClassifier model = OnnxClassifier.open(onnx)) {
            assertEquals(Dataset.DIGITS, model.classes(), "the names in the model's metadata");
            fromFile = model.classifyAll(images);
            assertEquals(
                    model.classes().get(fromFile.get(0).index()),
                    fromFile.get(0).label());
            assertEquals(fromFile.get(3).index(), model.classify(images.get(3)).index());
        }
        List<Prediction> fromJar;
        try (OnnxClassifier model = OnnxClassifier.open(jar)) {
            fromJar = model.classifyAll(images);
        }
        List<Prediction> fromClasspath;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                OnnxClassifier model = OnnxClassifier.fromClasspath(loader)) {
            fromClasspath = model.classifyAll(images);
        }
        for (int i = 0; i < images.size(); i++) {
            Prediction p = fromFile.get(i);
            assertEquals(10, p.probabilities().length);
            double sum = 0;
            for (float q : p.probabilities()) {
                sum += q;
            }
            assertEquals(1.0, sum, 1e-5);
            assertEquals(Batches.argMax(p.probabilities()), p.index());
            assertArrayEquals(p.probabilities(), fromJar.get(i).probabilities());
            assertArrayEquals(p.probabilities(), fromClasspath.get(i).probabilities());
        }
    }

    @Test
    void anArtifactWithoutTheOnnxModelIsNamedWithWhatToDo() throws IOException {
        Path jar = jar("lenet-model/saved_model.pb", new byte[] {1});
        ModelException e = assertThrows(ModelException.class, () -> OnnxClassifier.open(jar));
        assertEquals(
                jar + ": holds no lenet-model/model.onnx. Rebuild the model with lenet-maven-plugin 1.0.0 or later",
                e.getMessage());
    }

    @Test
    void aMissingModelIsNamed() {
        Path missing = temp.resolve("nothing.jar");
        ModelException e = assertThrows(ModelException.class, () -> OnnxClassifier.open(missing));
        assertEquals(
                missing
                        + ": no such model. Give the model artifact (.jar) that lenet:train attached, or its model.onnx",
                e.getMessage());
    }

    @Test
    void aCorruptModelIsNamedAndKeepsOnnxRuntimesCause() throws IOException {
        Path corrupt = Files.write(temp.resolve("broken.onnx"), new byte[] {1, 2, 3, 4, 5});
        ModelException e = assertThrows(ModelException.class, () -> OnnxClassifier.open(corrupt));
        assertTrue(e.getMessage().startsWith(corrupt + ": ONNX Runtime cannot load it as a model ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("). Rebuild the model with lenet:train"), e.getMessage());
        assertInstanceOf(ai.onnxruntime.OrtException.class, e.getCause());
    }

    @Test
    void noModelOnTheClasspathSaysWhichDependencyToAdd() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            ModelException e = assertThrows(ModelException.class, () -> OnnxClassifier.fromClasspath(empty));
            assertEquals(
                    "no lenet-model/model.onnx on the classpath. Add the model artifact as a dependency"
                            + " (<classifier>model</classifier>), built by lenet-maven-plugin 1.0.0 or later",
                    e.getMessage());
        }
    }

    @Test
    void anImageOfTheWrongSizeIsRefusedWithItsIndex() throws IOException {
        Path onnx = Files.write(temp.resolve("model.onnx"), model());
        try (OnnxClassifier model = OnnxClassifier.open(onnx)) {
            List<byte[]> images = new ArrayList<>(images(2));
            images.add(new byte[100]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.classifyAll(images));
            assertEquals("image 2 has 100 bytes; a 28x28 greyscale image has 784", e.getMessage());
        }
    }

    /** {@link #model()} with its class-count metadata replaced, as anyone who can edit a jar could. */
    private static byte[] withClassCount(String count) throws IOException {
        OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.parseFrom(model()).toBuilder();
        for (int i = 0; i < model.getMetadataPropsCount(); i++) {
            if (model.getMetadataProps(i).getKey().equals(ModelSignature.ONNX_CLASS_COUNT)) {
                model.setMetadataProps(i, model.getMetadataProps(i).toBuilder().setValue(count));
            }
        }
        return model.build().toByteArray();
    }

    private ModelException refused(byte[] model) throws IOException {
        Path onnx = Files.write(temp.resolve("crafted.onnx"), model);
        return assertThrows(ModelException.class, () -> OnnxClassifier.open(onnx));
    }

    @Test
    void aClassCountThatIsNoNumberIsRefusedWithItsValue() throws IOException {
        ModelException e = refused(withClassCount("ten"));
        assertEquals(
                temp.resolve("crafted.onnx")
                        + ": refused: its lenet.classes metadata is 'ten', not a number of classes."
                        + " Rebuild the model with lenet:train",
                e.getMessage());
        assertInstanceOf(NumberFormatException.class, e.getCause());
    }

    @Test
    void aClassCountOtherThanTheOutputsWidthIsRefused() throws IOException {
        for (String count : List.of("999999999", "0", "11", "-3")) {
            assertEquals(
                    temp.resolve("crafted.onnx") + ": refused: its lenet.classes metadata says " + count.strip()
                            + " classes but its probabilities output is 10 wide. Rebuild the model with lenet:train",
                    refused(withClassCount(count)).getMessage(),
                    count);
        }
    }

    @Test
    void aModelLargerThanAnyLeNetIsRefusedNotCut() throws IOException {
        byte[] large = new byte[(16 << 20) + 1];
        byte[] model = model();
        System.arraycopy(model, 0, large, 0, model.length);
        assertEquals(
                temp.resolve("crafted.onnx") + ": refused: more than 16 MiB, far more than a LeNet model (about 250"
                        + " KB). Load only models that lenet:train exported",
                refused(large).getMessage());
    }
}
