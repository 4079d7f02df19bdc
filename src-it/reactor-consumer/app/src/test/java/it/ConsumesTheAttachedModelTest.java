package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.contract.Prediction;
import dev.lenet.inference.LeNetClassifier;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ConsumesTheAttachedModelTest {

    @Test
    void loadsTheModelFromTheClasspathAndClassifies() throws IOException {
        Path data = Path.of(System.getProperty("itData"));
        byte[] labels = idx(data.resolve("t10k-labels-idx1-ubyte.gz"), 8);
        byte[] pixels = idx(data.resolve("t10k-images-idx3-ubyte.gz"), 16);
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            images.add(Arrays.copyOfRange(pixels, i * 784, (i + 1) * 784));
        }
        try (LeNetClassifier model = LeNetClassifier.fromClasspath()) {
            assertEquals(61706, model.card().parameters());
            List<Prediction> predictions = model.classifyAll(images);
            int correct = 0;
            for (int i = 0; i < images.size(); i++) {
                correct += predictions.get(i).index() == labels[i] ? 1 : 0;
            }
            System.out.println(System.getProperty("consumer", "consumer") + " accuracy " + correct + "/200");
            assertTrue(correct >= 160, "the attached model classifies: " + correct + "/200");
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
