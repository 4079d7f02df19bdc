import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes an MNIST directory (raw IDX, as the cache holds it) as the two layouts a team brings its own data in:
 * class folders of 28x28 grey PNG files (png/train/DIGIT/N.png, png/test/DIGIT/N.png) and CSV (csv/train.csv,
 * csv/test.csv, a header line then a label and 784 values per line). For bench/own-data.
 * Usage: java bench/MnistAsFiles.java MNIST_DIR OUTPUT_DIR
 */
public class MnistAsFiles {
    public static void main(String[] args) throws IOException {
        Path mnist = Path.of(args[0]);
        Path out = Path.of(args[1]);
        for (String set : new String[] {"train", "test"}) {
            String prefix = set.equals("train") ? "train" : "t10k";
            byte[] images = payload(mnist.resolve(prefix + "-images-idx3-ubyte"), 16);
            byte[] labels = payload(mnist.resolve(prefix + "-labels-idx1-ubyte"), 8);
            Files.createDirectories(out.resolve("csv"));
            try (Writer csv = Files.newBufferedWriter(out.resolve("csv").resolve(set + ".csv"))) {
                StringBuilder header = new StringBuilder("label");
                for (int p = 0; p < 784; p++) {
                    header.append(",pixel").append(p);
                }
                csv.write(header.append('\n').toString());
                for (int i = 0; i < labels.length; i++) {
                    BufferedImage png = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                    StringBuilder row = new StringBuilder().append(labels[i]);
                    for (int p = 0; p < 784; p++) {
                        int v = images[i * 784 + p] & 0xff;
                        png.getRaster().setSample(p % 28, p / 28, 0, v);
                        row.append(',').append(v);
                    }
                    csv.write(row.append('\n').toString());
                    Path folder = Files.createDirectories(out.resolve("png").resolve(set).resolve(Integer.toString(labels[i])));
                    ImageIO.write(png, "png", folder.resolve(i + ".png").toFile());
                }
            }
        }
    }

    private static byte[] payload(Path file, int header) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            in.readFully(new byte[header]);
            return in.readAllBytes();
        }
    }
}
