package example;

import dev.lenet.contract.Prediction;
import dev.lenet.inference.LeNetClassifier;
import dev.lenet.contract.Prediction;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Loads the model that the digits-model module trained and attached, with one call, then prints its predictions
 * for the first 20 MNIST test digits next to the true labels, and classifies PNG files.
 * Usage: {@code DigitsApp [--mnist DIR] [--png FILE]...} (DIR: the raw IDX files of the MNIST cache)
 */
public final class DigitsApp {
    private DigitsApp() {}

    public static void main(String[] args) throws IOException {
        Path mnist = null;
        List<Path> pngs = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--mnist" -> mnist = Path.of(args[i + 1]);
                case "--png" -> pngs.add(Path.of(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (LeNetClassifier model = LeNetClassifier.fromClasspath()) {
            System.out.printf(Locale.ROOT, "Model: LeNet-5, %d parameters, test accuracy %.4f (from its model card)%n",
                    model.card().parameters(), model.card().testAccuracy());
            if (mnist != null) {
                printFirstTwenty(model, mnist);
            }
            for (Path png : pngs) {
                Prediction p = model.classify(toMnistPixels(ImageIO.read(png.toFile())));
                System.out.printf(Locale.ROOT, "%s: %s (probability %.3f)%n", png.getFileName(), p.label(), p.confidence());
            }
        }
    }

    private static void printFirstTwenty(LeNetClassifier model, Path mnist) throws IOException {
        byte[] labels = idx(mnist.resolve("t10k-labels-idx1-ubyte"), 8, 20);
        byte[] pixels = idx(mnist.resolve("t10k-images-idx3-ubyte"), 16, 20 * 784);
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            images.add(Arrays.copyOfRange(pixels, i * 784, (i + 1) * 784));
        }
        StringBuilder truth = new StringBuilder("true labels:");
        StringBuilder predicted = new StringBuilder("predictions:");
        int correct = 0;
        List<Prediction> predictions = model.classifyAll(images);
        for (int i = 0; i < 20; i++) {
            truth.append(' ').append(labels[i]);
            predicted.append(' ').append(predictions.get(i).index());
            correct += predictions.get(i).index() == labels[i] ? 1 : 0;
        }
        System.out.println("First 20 MNIST test digits");
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

    /**
     * Any picture to MNIST's form: 28x28 grey, light digit on a dark background. A picture with a light background
     * (ink on paper) is inverted.
     */
    static byte[] toMnistPixels(BufferedImage picture) {
        BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, 0, 0, 28, 28, null);
        g.dispose();
        byte[] pixels = new byte[28 * 28];
        grey.getRaster().getDataElements(0, 0, 28, 28, pixels);
        long sum = 0;
        for (byte p : pixels) {
            sum += p & 0xff;
        }
        if (sum / pixels.length > 127) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) (255 - (pixels[i] & 0xff));
            }
        }
        return pixels;
    }
}
