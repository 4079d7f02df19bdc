package dev.lenet.data;

import dev.lenet.contract.ModelSignature;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The layout of the common MNIST CSV files: one image per line, the label first, then the 784 pixel values 0-255 in
 * row-major order, comma-separated, with or without a header line (a first line whose values are not all numbers).
 * Labels are class names (MNIST's are the digits); the classes are {@link DatasetOptions#classes()} when given, else
 * the training file's labels, sorted (as numbers when all are whole numbers).
 */
public final class CsvDigits {
    /** Rows read into memory at most: a CSV holds every pixel as text, and is converted in the build's own JVM. */
    static final int MAX_ROWS = 1_000_000;

    static final String LAYOUT = "Give train.csv and test.csv (or one .csv file, split by testFraction): per line the"
            + " label, then 784 pixel values 0-255";

    /** The rows of one file: each label as written, each image's 784 pixels. */
    public record Rows(Path file, List<String> labels, List<byte[]> images, List<Integer> lines) {}

    private CsvDigits() {}

    public static Rows read(Path file) {
        List<String> labels = new ArrayList<>();
        List<byte[]> images = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = readLine(in, file, number + 1)) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (number == 1 && isHeader(fields)) {
                    continue;
                }
                if (fields.length != 1 + ModelSignature.PIXELS) {
                    throw new InvalidDatasetException(
                            file + " line " + number,
                            "has " + fields.length + " values",
                            "Each line holds the label and " + ModelSignature.PIXELS + " pixel values (28x28): "
                                    + (1 + ModelSignature.PIXELS) + " values");
                }
                if (labels.size() >= MAX_ROWS) {
                    throw new InvalidDatasetException(
                            file.toString(),
                            String.format(Locale.ROOT, "holds more than %,d images", MAX_ROWS),
                            "Convert a set that large to IDX files (a header and the pixels, 784 bytes an image),"
                                    + " which are read by batch from disk");
                }
                labels.add(fields[0].strip());
                lines.add(number);
                images.add(pixels(fields, file, number));
            }
        } catch (IOException e) {
            throw InvalidDatasetException.unreadable(file, e);
        }
        if (labels.isEmpty()) {
            throw new InvalidDatasetException(file.toString(), "holds no image", LAYOUT);
        }
        return new Rows(file, labels, images, lines);
    }

    /** Far longer than a line of 785 values: a longer one is no image, and is not held in memory whole. */
    static final int MAX_LINE = 1 << 16;

    /** The next line without its line break, or null at the end; a line longer than {@link #MAX_LINE} is refused. */
    private static String readLine(BufferedReader in, Path file, int number) throws IOException {
        StringBuilder line = new StringBuilder();
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (line.length() == MAX_LINE) {
                throw new InvalidDatasetException(
                        file + " line " + number,
                        "is longer than " + MAX_LINE + " characters",
                        "Each line holds the label and " + ModelSignature.PIXELS
                                + " pixel values (28x28), one image a line;" + " check that this is such a CSV file");
            }
            line.append((char) c);
            c = in.read();
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    private static boolean isHeader(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            if (!fields[i].strip().matches("\\d+")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] pixels(String[] fields, Path file, int line) {
        byte[] pixels = new byte[ModelSignature.PIXELS];
        for (int i = 0; i < ModelSignature.PIXELS; i++) {
            String text = fields[i + 1].strip();
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 0 || value > 255) {
                throw new InvalidDatasetException(
                        file + " line " + line + " value " + (i + 2),
                        "'" + text + "' is not a whole number 0-255",
                        "Pixel values are whole numbers from 0 (background) to 255");
            }
            pixels[i] = (byte) value;
        }
        return pixels;
    }

    /** The classes of a training file's labels, sorted: as numbers when all are whole numbers. */
    public static List<String> classesOf(Rows rows) {
        TreeSet<String> distinct = new TreeSet<>(rows.labels());
        List<String> classes = new ArrayList<>(distinct);
        if (classes.stream().allMatch(label -> label.matches("\\d{1,9}"))) {
            classes.sort(Comparator.comparingInt(Integer::parseInt));
        }
        return classes;
    }

    /** The label index of every row, refusing a label that is not a class. */
    public static byte[] labels(Rows rows, List<String> classes) {
        byte[] labels = new byte[rows.labels().size()];
        for (int i = 0; i < labels.length; i++) {
            int index = classes.indexOf(rows.labels().get(i));
            if (index < 0) {
                throw new InvalidDatasetException(
                        rows.file() + " line " + rows.lines().get(i),
                        "has the label '" + rows.labels().get(i) + "', which is not among the classes " + classes,
                        "Use one of the classes (the training file's labels, or the classes parameter)");
            }
            labels[i] = (byte) index;
        }
        return labels;
    }
}
