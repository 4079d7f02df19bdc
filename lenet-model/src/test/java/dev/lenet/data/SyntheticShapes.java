package dev.lenet.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * A small class-folder dataset for tests and integration tests: colour pictures of another size than 28x28 (dark
 * shapes on light backgrounds, as on paper, so {@code invert} applies), one folder per class, PNG and JPEG. Never a
 * benchmark.
 */
public final class SyntheticShapes {
    public static final List<String> CLASSES = List.of("circle", "cross", "square");

    static final int SIDE = 40;

    private SyntheticShapes() {}

    /** Writes {@code train/<class>/} and {@code test/<class>/} under {@code directory}. */
    public static void writeDataset(Path directory, int trainPerClass, int testPerClass, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        write(directory.resolve("train"), trainPerClass, random);
        write(directory.resolve("test"), testPerClass, random);
    }

    private static void write(Path directory, int perClass, SplittableRandom random) throws IOException {
        for (int c = 0; c < CLASSES.size(); c++) {
            Path folder = Files.createDirectories(directory.resolve(CLASSES.get(c)));
            for (int i = 0; i < perClass; i++) {
                BufferedImage picture = draw(c, random);
                boolean jpeg = i % 4 == 3;
                ImageIO.write(
                        picture,
                        jpeg ? "jpg" : "png",
                        folder.resolve(String.format("%04d.%s", i, jpeg ? "jpg" : "png"))
                                .toFile());
            }
        }
    }

    static BufferedImage draw(int shape, SplittableRandom random) {
        BufferedImage picture = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200 + random.nextInt(56), 200 + random.nextInt(56), 170 + random.nextInt(86)));
        g.fillRect(0, 0, SIDE, SIDE);
        g.setColor(new Color(random.nextInt(90), random.nextInt(90), random.nextInt(140)));
        g.setStroke(new BasicStroke(3 + random.nextInt(3)));
        int size = 18 + random.nextInt(12);
        int x = 3 + random.nextInt(SIDE - size - 5);
        int y = 3 + random.nextInt(SIDE - size - 5);
        switch (shape) {
            case 0 -> g.drawOval(x, y, size, size);
            case 1 -> {
                g.drawLine(x, y, x + size, y + size);
                g.drawLine(x + size, y, x, y + size);
            }
            default -> g.drawRect(x, y, size, size);
        }
        g.dispose();
        return picture;
    }

    /** {@code SyntheticShapes DIRECTORY TRAIN_PER_CLASS TEST_PER_CLASS SEED}: for the integration tests' data. */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: SyntheticShapes DIRECTORY TRAIN_PER_CLASS TEST_PER_CLASS SEED");
            System.exit(64);
        }
        writeDataset(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
    }
}
