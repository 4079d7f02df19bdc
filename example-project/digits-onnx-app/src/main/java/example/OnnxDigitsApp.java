package example;

import dev.lenet.onnx.OnnxClassifier;
import dev.lenet.contract.Prediction;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DigitsApp's first part, through ONNX Runtime: loads the model.onnx of the model artifact on the classpath and
 * prints its predictions for the first 20 MNIST test digits. No TensorFlow is on this classpath.
 * Usage: {@code OnnxDigitsApp --mnist DIR} (the raw IDX files of the MNIST cache)
 */
public final class OnnxDigitsApp {
    private OnnxDigitsApp() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].equals("--mnist")) {
            throw new IllegalArgumentException("usage: OnnxDigitsApp --mnist DIR");
        }
        try (OnnxClassifier model = OnnxClassifier.fromClasspath()) {
            printFirstTwenty(model, Path.of(args[1]));
        }
    }

    private static void printFirstTwenty(OnnxClassifier model, Path mnist) throws IOException {
        byte[] labels = idx(mnist.resolve("t10k-labels-idx1-ubyte"), 8, 20);
        byte[] pixels = idx(mnist.resolve("t10k-images-idx3-ubyte"), 16, 20 * 784);
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            images.add(Arrays.copyOfRange(pixels, i * 784, (i + 1) * 784));
        }
        List<Prediction> predictions = model.classifyAll(images);
        StringBuilder truth = new StringBuilder("true labels:");
        StringBuilder predicted = new StringBuilder("predictions:");
        int correct = 0;
        for (int i = 0; i < 20; i++) {
            truth.append(' ').append(labels[i]);
            predicted.append(' ').append(predictions.get(i).index());
            correct += predictions.get(i).index() == labels[i] ? 1 : 0;
        }
        System.out.println("First 20 MNIST test digits (ONNX Runtime)");
        System.out.println(truth);
        System.out.println(predicted);
        System.out.println(correct + "/20 correct");
    }

    /** The first {@code count} bytes after the header of a raw IDX file (the cache holds MNIST's, checked). */
    private static byte[] idx(Path file, int header, int count) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DataInputStream data = new DataInputStream(in);
            data.readFully(new byte[header]);
            byte[] bytes = new byte[count];
            data.readFully(bytes);
            return bytes;
        }
    }
}
