import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Writes a large 62-class IDX dataset (raw, with classes.txt) made from MNIST and Fashion-MNIST, for bench/large-data:
 * classes 0-39 are MNIST's digits turned by 0, 90, 180 and 270 degrees, 40-59 Fashion-MNIST's classes turned by 0 and
 * 90 degrees, 60-61 its first two classes flipped upside down. Image i of a split is a seeded draw of source, class
 * and image (training images from the sources' training sets, test images from their test sets), so any size can be
 * written, image by image, in constant memory. The same arguments write the same bytes.
 * Usage: java bench/LargeIdx.java MNIST_DIR FASHION_DIR TRAIN_COUNT TEST_COUNT OUTPUT_DIR
 */
public class LargeIdx {
    static final int PIXELS = 784;

    public static void main(String[] args) throws IOException {
        Path mnist = Path.of(args[0]);
        Path fashion = Path.of(args[1]);
        int trainCount = Integer.parseInt(args[2]);
        int testCount = Integer.parseInt(args[3]);
        Path out = Files.createDirectories(Path.of(args[4]));
        write(
                read(mnist, "train-images-idx3-ubyte", 16), read(mnist, "train-labels-idx1-ubyte", 8),
                read(fashion, "train-images-idx3-ubyte", 16), read(fashion, "train-labels-idx1-ubyte", 8),
                trainCount, 1, out.resolve("train-images-idx3-ubyte"), out.resolve("train-labels-idx1-ubyte"));
        write(
                read(mnist, "t10k-images-idx3-ubyte", 16), read(mnist, "t10k-labels-idx1-ubyte", 8),
                read(fashion, "t10k-images-idx3-ubyte", 16), read(fashion, "t10k-labels-idx1-ubyte", 8),
                testCount, 2, out.resolve("t10k-images-idx3-ubyte"), out.resolve("t10k-labels-idx1-ubyte"));
        List<String> classes = new ArrayList<>();
        for (int turn = 0; turn < 4; turn++) {
            for (int d = 0; d < 10; d++) {
                classes.add("digit-" + d + "-turned-" + turn * 90);
            }
        }
        for (int turn = 0; turn < 2; turn++) {
            for (int c = 0; c < 10; c++) {
                classes.add("fashion-" + c + "-turned-" + turn * 90);
            }
        }
        classes.add("fashion-0-flipped");
        classes.add("fashion-1-flipped");
        Files.write(out.resolve("classes.txt"), classes);
    }

    private static void write(
            byte[] mnistImages, byte[] mnistLabels, byte[] fashionImages, byte[] fashionLabels,
            int count, long seed, Path imagesFile, Path labelsFile) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] labels = new byte[count];
        byte[] image = new byte[PIXELS];
        try (DataOutputStream images = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(imagesFile), 1 << 20))) {
            images.writeInt(0x803);
            images.writeInt(count);
            images.writeInt(28);
            images.writeInt(28);
            for (int i = 0; i < count; i++) {
                int label;
                int kind = random.nextInt(62);
                if (kind < 40) {
                    int k = random.nextInt(mnistLabels.length);
                    turn(mnistImages, k, kind / 10, image);
                    label = (kind / 10) * 10 + mnistLabels[k];
                } else {
                    int k = random.nextInt(fashionLabels.length);
                    int c = fashionLabels[k];
                    if (kind < 60) {
                        turn(fashionImages, k, (kind - 40) / 10, image);
                        label = 40 + ((kind - 40) / 10) * 10 + c;
                    } else if (c < 2) {
                        flip(fashionImages, k, image);
                        label = 60 + c;
                    } else {
                        turn(fashionImages, k, 0, image);
                        label = 40 + c;
                    }
                }
                images.write(image);
                labels[i] = (byte) label;
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labelsFile))) {
            out.writeInt(0x801);
            out.writeInt(count);
            out.write(labels);
        }
    }

    /** Image k of a set turned by {@code quarter} quarter turns. */
    private static void turn(byte[] set, int k, int quarter, byte[] into) {
        int base = k * PIXELS;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                int sr = r, sc = c;
                switch (quarter) {
                    case 1 -> { sr = 27 - c; sc = r; }
                    case 2 -> { sr = 27 - r; sc = 27 - c; }
                    case 3 -> { sr = c; sc = 27 - r; }
                    default -> { }
                }
                into[r * 28 + c] = set[base + sr * 28 + sc];
            }
        }
    }

    private static void flip(byte[] set, int k, byte[] into) {
        for (int r = 0; r < 28; r++) {
            System.arraycopy(set, k * PIXELS + (27 - r) * 28, into, r * 28, 28);
        }
    }

    /** The payload of an IDX file, raw or .gz. */
    private static byte[] read(Path directory, String name, int header) throws IOException {
        Path raw = directory.resolve(name);
        InputStream in = Files.exists(raw)
                ? Files.newInputStream(raw)
                : new GZIPInputStream(Files.newInputStream(directory.resolve(name + ".gz")));
        try (DataInputStream data = new DataInputStream(in)) {
            data.skipNBytes(header);
            return data.readAllBytes();
        }
    }
}
