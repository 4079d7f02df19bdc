package dev.lenet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds which of the layouts a directory holds where it is not IDX or class folders: a training and a test CSV file,
 * named as public copies name them ({@code train.csv}, {@code mnist_train.csv}, {@code fashion-mnist_test.csv},
 * {@code x_train.csv}); and, for a directory that holds no layout at all, one message that lists what it found and
 * every layout with an example.
 */
final class DatasetLayout {
    static final String LAYOUTS = "The layouts read: the four MNIST-format IDX files (train-images-idx3-ubyte,"
            + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, raw or .gz, at any depth);"
            + " a training and a test CSV file whose names hold 'train' and 'test' (mnist_train.csv and"
            + " mnist_test.csv: a header line, then the label and 784 pixel values per line); class folders of images"
            + " (train/<class>/ and test/<class>/, or <class>/ alone); or a .tar, .tar.gz/.tgz or .zip archive of any"
            + " of these";

    private DatasetLayout() {}

    /** The training and the test CSV file of {@code directory}, in that order; empty where there is no such pair. */
    static Optional<List<Path>> csvPair(Path directory) {
        Path train = directory.resolve("train.csv");
        Path test = directory.resolve("test.csv");
        if (Files.isRegularFile(train) && Files.isRegularFile(test)) {
            return Optional.of(List.of(train, test));
        }
        List<Path> csv =
                files(directory).stream().filter(p -> name(p).endsWith(".csv")).toList();
        List<Path> trains = csv.stream().filter(p -> name(p).contains("train")).toList();
        List<Path> tests = csv.stream()
                .filter(p -> name(p).contains("test") && !name(p).contains("train"))
                .toList();
        if (trains.isEmpty() || tests.isEmpty()) {
            return Optional.empty();
        }
        if (trains.size() > 1 || tests.size() > 1) {
            throw new InvalidDatasetException(
                    directory.toString(),
                    "holds more than one training or test CSV file (" + names(trains) + "; " + names(tests) + ")",
                    "Keep one of each in the directory, or give the directory of the pair to use");
        }
        return Optional.of(List.of(trains.get(0), tests.get(0)));
    }

    /** The error for a directory that holds none of the layouts: what is in it, and what would be read. */
    static InvalidDatasetException noLayout(Path directory) {
        List<Path> entries = entries(directory);
        List<String> found = new ArrayList<>();
        describe(
                found,
                "CSV files",
                entries.stream().filter(p -> name(p).endsWith(".csv")).toList());
        describe(
                found,
                "TSV files",
                entries.stream().filter(p -> name(p).endsWith(".tsv")).toList());
        describe(found, "folders", entries.stream().filter(Files::isDirectory).toList());
        describe(
                found,
                "IDX-like files",
                entries.stream()
                        .filter(p -> name(p).contains("idx") || name(p).contains("ubyte"))
                        .toList());
        describe(
                found,
                "archives",
                entries.stream()
                        .filter(p -> Stream.of(".zip", ".tar", ".tgz", ".gz", ".bz2", ".xz", ".7z")
                                .anyMatch(name(p)::endsWith))
                        .toList());
        long other = entries.stream()
                .filter(p -> Files.isRegularFile(p)
                        && Stream.of(".csv", ".tsv", ".zip", ".tar", ".tgz", ".gz", ".bz2", ".xz", ".7z")
                                .noneMatch(name(p)::endsWith)
                        && !name(p).contains("idx")
                        && !name(p).contains("ubyte"))
                .count();
        if (other > 0) {
            found.add(other + " other file" + (other == 1 ? "" : "s"));
        }
        String what = found.isEmpty() ? "is empty" : "holds no dataset layout: it has " + String.join(", ", found);
        return new InvalidDatasetException(directory.toString(), what, LAYOUTS);
    }

    private static void describe(List<String> found, String kind, List<Path> paths) {
        if (!paths.isEmpty()) {
            found.add(kind + " (" + names(paths) + ")");
        }
    }

    private static String names(List<Path> paths) {
        List<String> names =
                paths.stream().map(p -> p.getFileName().toString()).sorted().toList();
        return names.size() <= 5
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    private static String name(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    private static List<Path> files(Path directory) {
        return entries(directory).stream().filter(Files::isRegularFile).toList();
    }

    private static List<Path> entries(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
