import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the first N training images and labels of an MNIST directory (raw IDX, as the cache holds them), with the
 * whole test set, as a new raw IDX directory: a small training set for bench/augmentation.
 * Usage: java bench/MnistSubset.java MNIST_DIR N OUTPUT_DIR
 */
public class MnistSubset {
    public static void main(String[] args) throws IOException {
        Path mnist = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        copy(mnist.resolve("train-images-idx3-ubyte"), out.resolve("train-images-idx3-ubyte"), n, 16, 784);
        copy(mnist.resolve("train-labels-idx1-ubyte"), out.resolve("train-labels-idx1-ubyte"), n, 8, 1);
        Files.copy(mnist.resolve("t10k-images-idx3-ubyte"), out.resolve("t10k-images-idx3-ubyte"));
        Files.copy(mnist.resolve("t10k-labels-idx1-ubyte"), out.resolve("t10k-labels-idx1-ubyte"));
    }

    private static void copy(Path from, Path to, int n, int header, int itemBytes) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(from));
                DataOutputStream out = new DataOutputStream(Files.newOutputStream(to))) {
            byte[] head = new byte[header];
            in.readFully(head);
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
}
