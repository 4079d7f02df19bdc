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
    static final String LAYOUT = "Give train.csv and test.csv (or one .csv file, split by testFraction): per line the"
            + " label, then 784 pixel values 0-255";

    /**
     * The rows of one file, read for their labels: each label as written and its line number. The pixels stay in the
     * file until {@link #forEachImage} reads them, so memory holds no image.
     */
    public record Rows(Path file, List<String> labels, List<Integer> lines) {}

    private CsvDigits() {}

    /** A data row: its line number and text. */
    private interface Row {
        void accept(int number, String line) throws IOException;
    }

    /** Reads the labels, and checks every row's shape, of a file of at most {@code maxRows} images. */
    public static Rows read(Path file, long maxRows) {
        List<String> labels = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        scan(file, (number, line) -> {
            if (labels.size() >= maxRows) {
                throw new InvalidDatasetException(
                        file.toString(),
                        String.format(
                                Locale.ROOT,
                                "holds more than %,d images, the most the dataset budget (%s) allows",
                                maxRows,
                                DatasetBudget.PARAMETER),
                        "Raise " + DatasetBudget.PARAMETER + " (784 bytes an image) if the data is that large");
            }
            labels.add(line.substring(0, line.indexOf(',')).strip());
            lines.add(number);
        });
        if (labels.isEmpty()) {
            throw new InvalidDatasetException(file.toString(), "holds no image", LAYOUT);
        }
        return new Rows(file, labels, lines);
    }

    /** Reads the rows' pixels again, in order, each image to {@code sink} as soon as it is parsed. */
    static void forEachImage(Rows rows, ImageConversion.Sink sink, Progress progress) throws IOException {
        scan(rows.file(), (number, line) -> {
            sink.accept(pixels(line, rows.file(), number));
            progress.add(1);
        });
    }

    /** Every data row in order: blank lines and a header line skipped, a row of the wrong length refused. */
    private static void scan(Path file, Row row) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = readLine(in, file, number + 1)) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (number == 1 && isHeader(line.split(",", -1))) {
                    continue;
                }
                int fields = 1;
                for (int c = 0; c < line.length(); c++) {
                    fields += line.charAt(c) == ',' ? 1 : 0;
                }
                if (fields != 1 + ModelSignature.PIXELS) {
                    throw new InvalidDatasetException(
                            file + " line " + number,
                            "has " + fields + " values",
                            "Each line holds the label and " + ModelSignature.PIXELS + " pixel values (28x28): "
                                    + (1 + ModelSignature.PIXELS) + " values");
                }
                row.accept(number, line);
            }
        } catch (IOException e) {
            throw InvalidDatasetException.unreadable(file, e);
        }
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

    /** The 784 values after the label, each a whole number 0-255 (spaces around it allowed). */
    private static byte[] pixels(String row, Path file, int line) {
        byte[] pixels = new byte[ModelSignature.PIXELS];
        int start = row.indexOf(',') + 1;
        for (int i = 0; i < ModelSignature.PIXELS; i++) {
            int end = row.indexOf(',', start);
            String text = row.substring(start, end < 0 ? row.length() : end).strip();
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
            start = end + 1;
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
