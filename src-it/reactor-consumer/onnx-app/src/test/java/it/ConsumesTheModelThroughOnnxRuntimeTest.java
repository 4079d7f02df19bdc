package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.onnx.OnnxClassifier;
import dev.lenet.contract.Prediction;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ConsumesTheModelThroughOnnxRuntimeTest {

    @Test
    void noTensorFlowOnTheClasspath() {
        List<String> classpath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> tensorflow = classpath.stream().filter(e -> e.contains("tensorflow")).toList();
        System.out.println("classpath entries " + classpath.size() + ", tensorflow jars " + tensorflow.size());
        assertTrue(classpath.stream().anyMatch(e -> e.contains("onnxruntime")), "ONNX Runtime is there: " + classpath);
        assertEquals(List.of(), tensorflow);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.tensorflow.Tensor"));
    }

    @Test
    void loadsTheModelFromTheClasspathAndClassifies() throws IOException {
        Path data = Path.of(System.getProperty("itData"));
        byte[] labels = idx(data.resolve("t10k-labels-idx1-ubyte.gz"), 8);
        byte[] pixels = idx(data.resolve("t10k-images-idx3-ubyte.gz"), 16);
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            images.add(Arrays.copyOfRange(pixels, i * 784, (i + 1) * 784));
        }
        try (OnnxClassifier model = OnnxClassifier.fromClasspath()) {
            List<Prediction> predictions = model.classifyAll(images);
            int correct = 0;
            for (int i = 0; i < images.size(); i++) {
                correct += predictions.get(i).index() == labels[i] ? 1 : 0;
            }
            System.out.println("ONNX consumer accuracy " + correct + "/" + images.size());
            assertTrue(correct >= 160, "the attached model classifies through ONNX Runtime: " + correct + "/200");
        }
    }

    /** The payload of a gzip IDX file after its header: the IT's own data, read without lenet-model. */
    private static byte[] idx(Path file, int header) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            new DataInputStream(in).readFully(new byte[header]);
            return in.readAllBytes();
        }
    }
}
