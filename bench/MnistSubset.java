import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Writes the first N training images and labels of an MNIST-format directory (raw IDX, as the cache holds them, or
 * .gz, as Debian's dataset-fashion-mnist does), with the whole test set, as a new raw IDX directory: a smaller
 * training set of the same kind, for bench/augmentation and bench/training-length.
 * Usage: java bench/MnistSubset.java MNIST_DIR N OUTPUT_DIR
 */
public class MnistSubset {
    public static void main(String[] args) throws IOException {
        Path mnist = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        copy(mnist, "train-images-idx3-ubyte", out, n, 16, 784);
        copy(mnist, "train-labels-idx1-ubyte", out, n, 8, 1);
        copy(mnist, "t10k-images-idx3-ubyte", out, -1, 16, 784);
        copy(mnist, "t10k-labels-idx1-ubyte", out, -1, 8, 1);
    }

    /** The file, its count set to {@code n} and cut there; {@code n} -1 copies it whole. */
    private static void copy(Path directory, String name, Path target, int n, int header, int itemBytes)
            throws IOException {
        try (DataInputStream in = new DataInputStream(open(directory, name));
                DataOutputStream out = new DataOutputStream(Files.newOutputStream(target.resolve(name)))) {
            byte[] head = new byte[header];
            in.readFully(head);
            if (n < 0) {
                out.write(head);
                in.transferTo(out);
                return;
            }
            // the count is the second 32-bit field of both headers
            head[4] = (byte) (n >>> 24);
            head[5] = (byte) (n >>> 16);
            head[6] = (byte) (n >>> 8);
            head[7] = (byte) n;
            out.write(head);
            byte[] items = new byte[n * itemBytes];
            in.readFully(items);
            out.write(items);
        }
    }

    private static InputStream open(Path directory, String name) throws IOException {
        Path raw = directory.resolve(name);
        return Files.exists(raw)
                ? Files.newInputStream(raw)
                : new GZIPInputStream(Files.newInputStream(directory.resolve(name + ".gz")));
    }
}
