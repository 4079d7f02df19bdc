package dev.lenet.data;

import dev.lenet.contract.ModelSignature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Seven-segment digits, shifted, of varying stroke and with background noise: a small stand-in for MNIST that
 * LeNet learns in a few epochs. For tests and for trying a pipeline without the real data; never a benchmark.
 */
public final class SyntheticDigits {
    //                                     a  b  c  d  e  f  g
    private static final boolean[][] SEGMENTS = {
        {true, true, true, true, true, true, false}, // 0
        {false, true, true, false, false, false, false}, // 1
        {true, true, false, true, true, false, true}, // 2
        {true, true, true, true, false, false, true}, // 3
        {false, true, true, false, false, true, true}, // 4
        {true, false, true, true, false, true, true}, // 5
        {true, false, true, true, true, true, true}, // 6
        {true, true, true, false, false, false, false}, // 7
        {true, true, true, true, true, true, true}, // 8
        {true, true, true, true, false, true, true}, // 9
    };

    private SyntheticDigits() {}

    /** {@code count} digits, labels cycling 0-9 in a seeded random order. */
    public static LabeledImages generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] images = new byte[count * ModelSignature.PIXELS];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(Dataset.DIGITS.size());
            labels[i] = (byte) label;
            draw(label, random, images, i * ModelSignature.PIXELS);
        }
        return new LabeledImages("synthetic(seed " + seed + ")", images, "", labels, "");
    }

    /** Writes a training and a test set as the four IDX files into {@code directory}. */
    public static void writeDataset(Path directory, int trainCount, int testCount, long seed, boolean gzip)
            throws IOException {
        IdxWriter.writeDataset(directory, generate(trainCount, seed), generate(testCount, seed + 1), gzip);
    }

    /**
     * {@code SyntheticDigits DIRECTORY TRAIN_COUNT TEST_COUNT SEED [gzip|csv|raw [LABEL,...]]}: writes a dataset for
     * trying things out; with labels after the format, its training set has no image of those classes (its test set
     * keeps them), for a model that fails them.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println(
                    "usage: SyntheticDigits DIRECTORY TRAIN_COUNT TEST_COUNT SEED [gzip|csv|raw [LABEL,...]]");
            System.exit(64);
        }
        if (args.length > 5 && !args[4].equals("csv")) {
            long seed = Long.parseLong(args[3]);
            IdxWriter.writeDataset(
                    Path.of(args[0]),
                    without(generate(Integer.parseInt(args[1]), seed), args[5]),
                    generate(Integer.parseInt(args[2]), seed + 1),
                    args[4].equals("gzip"));
            return;
        }
        if (args.length > 4 && args[4].equals("csv")) {
            // a sixth argument names the files as public copies do: x_ gives x_train.csv and x_test.csv
            Path directory = Files.createDirectories(Path.of(args[0]));
            long seed = Long.parseLong(args[3]);
            String prefix = args.length > 5 ? args[5] : "";
            writeCsv(directory.resolve(prefix + "train.csv"), generate(Integer.parseInt(args[1]), seed));
            writeCsv(directory.resolve(prefix + "test.csv"), generate(Integer.parseInt(args[2]), seed + 1));
            return;
        }
        writeDataset(
                Path.of(args[0]),
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                Long.parseLong(args[3]),
                args.length > 4 && args[4].equals("gzip"));
    }

    /** The images of {@code digits} whose label is none of {@code labels} (comma-separated). */
    static LabeledImages without(LabeledImages digits, String labels) {
        Set<Integer> left =
                Arrays.stream(labels.split(",")).map(Integer::parseInt).collect(Collectors.toSet());
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        for (int i = 0; i < digits.count(); i++) {
            if (!left.contains(digits.label(i))) {
                images.writeBytes(digits.image(i));
                kept.write(digits.label(i));
            }
        }
        return new LabeledImages(digits.imagesSource(), images.toByteArray(), "", kept.toByteArray(), "");
    }

    /** The common MNIST CSV layout: a header line, then per image its label and 784 pixel values. */
    public static void writeCsv(Path file, LabeledImages digits) throws IOException {
        StringBuilder csv = new StringBuilder("label");
        for (int p = 0; p < ModelSignature.PIXELS; p++) {
            csv.append(",pixel").append(p);
        }
        csv.append('\n');
        for (int i = 0; i < digits.count(); i++) {
            csv.append(digits.label(i));
            for (byte pixel : digits.image(i)) {
                csv.append(',').append(pixel & 0xff);
            }
            csv.append('\n');
        }
        Files.writeString(file, csv);
    }

    private static void draw(int digit, SplittableRandom random, byte[] images, int offset) {
        int[] pixels = new int[ModelSignature.PIXELS];
        for (int p = 0; p < ModelSignature.PIXELS; p++) {
            pixels[p] = random.nextInt(40);
        }
        int left = 8 + random.nextInt(-3, 4);
        int top = 4 + random.nextInt(-2, 3);
        int width = 12;
        int height = 20;
        int ink = 150 + random.nextInt(106);
        boolean[] on = SEGMENTS[digit];
        int middle = top + height / 2;
        int bottom = top + height;
        if (on[0]) horizontal(pixels, left, top, width, ink);
        if (on[1]) vertical(pixels, left + width, top, middle, ink);
        if (on[2]) vertical(pixels, left + width, middle, bottom, ink);
        if (on[3]) horizontal(pixels, left, bottom, width, ink);
        if (on[4]) vertical(pixels, left, middle, bottom, ink);
        if (on[5]) vertical(pixels, left, top, middle, ink);
        if (on[6]) horizontal(pixels, left, middle, width, ink);
        for (int p = 0; p < ModelSignature.PIXELS; p++) {
            images[offset + p] = (byte) Math.min(255, pixels[p]);
        }
    }

    private static void horizontal(int[] pixels, int x, int y, int length, int ink) {
        for (int dx = 0; dx <= length; dx++) {
            for (int w = 0; w < 2; w++) {
                set(pixels, x + dx, y + w, ink);
            }
        }
    }

    private static void vertical(int[] pixels, int x, int y0, int y1, int ink) {
        for (int y = y0; y <= y1; y++) {
            for (int w = 0; w < 2; w++) {
                set(pixels, x + w, y, ink);
            }
        }
    }

    private static void set(int[] pixels, int x, int y, int ink) {
        if (x >= 0 && x < ModelSignature.COLUMNS && y >= 0 && y < ModelSignature.ROWS) {
            pixels[y * ModelSignature.COLUMNS + x] = ink;
        }
    }
}
