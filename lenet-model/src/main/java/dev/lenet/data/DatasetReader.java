package dev.lenet.data;

import dev.lenet.contract.Causes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds and reads the four IDX files of an MNIST-format dataset in a directory (at any depth) or inside a
 * {@code .tar}, {@code .tar.gz}/{@code .tgz} or {@code .zip} archive, read in place: nothing is extracted to disk.
 */
public final class DatasetReader {
    static final String WHAT_IT_NEEDS = "Give a directory, or a .tar, .tar.gz/.tgz or .zip archive, holding the four"
            + " MNIST-format IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,"
            + " t10k-labels-idx1-ubyte, each raw or .gz, at any depth); or a directory of class folders of images;"
            + " or train.csv and test.csv";

    private DatasetReader() {}

    /** Reads the dataset under this JVM's budget, with the default {@link DatasetBudget#DEFAULT_MAX_BYTES}. */
    public static Dataset read(Path location) {
        return read(location, DatasetBudget.forThisJvm(DatasetBudget.DEFAULT_MAX_BYTES));
    }

    public static Dataset read(Path location, DatasetBudget budget) {
        Found files = readAll(location, budget);
        return new Dataset(
                location.toString(),
                files.classes(),
                digits(files, DatasetFile.TRAIN_IMAGES, DatasetFile.TRAIN_LABELS),
                digits(files, DatasetFile.TEST_IMAGES, DatasetFile.TEST_LABELS));
    }

    /**
     * The dataset's classes and hashes, every file read through once and none of it kept: what deciding whether a
     * model is up to date needs, at any size, in a build's own JVM.
     */
    public static DatasetIdentity identity(Path location, long maxBytes) {
        Found files = readAll(location, DatasetBudget.hashOnly(maxBytes));
        return new DatasetIdentity(
                files.classes(),
                files.images().get(DatasetFile.TRAIN_IMAGES).sha256(),
                files.labels().get(DatasetFile.TRAIN_LABELS).sha256(),
                files.images().get(DatasetFile.TEST_IMAGES).sha256(),
                files.labels().get(DatasetFile.TEST_LABELS).sha256());
    }

    /** The four files parsed, where each came from, and the classes. */
    private record Found(
            List<String> classes,
            Map<DatasetFile, IdxParser.ParsedImages> images,
            Map<DatasetFile, IdxParser.Parsed> labels,
            Map<DatasetFile, String> sources) {}

    private static Found readAll(Path location, DatasetBudget budget) {
        if (!Files.exists(location)) {
            throw new InvalidDatasetException(location.toString(), "does not exist", WHAT_IT_NEEDS);
        }
        Found files = new Found(
                Dataset.DIGITS,
                new EnumMap<>(DatasetFile.class),
                new EnumMap<>(DatasetFile.class),
                new EnumMap<>(DatasetFile.class));
        if (Files.isDirectory(location)) {
            Path names = location.resolve(ClassNames.FILE);
            if (Files.isRegularFile(names)) {
                files = new Found(ClassNames.read(names), files.images(), files.labels(), files.sources());
            }
            readDirectory(location, files, budget);
        } else {
            readArchive(location, files, budget);
        }
        Found found = files;
        List<String> missing = DatasetFile.all().stream()
                .filter(file -> !found.sources().containsKey(file))
                .map(DatasetFile::acceptedNames)
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidDatasetException(
                    location.toString(), "has no " + String.join(", no ", missing), WHAT_IT_NEEDS);
        }
        return files;
    }

    private static LabeledImages digits(Found files, DatasetFile imagesFile, DatasetFile labelsFile) {
        List<String> classes = files.classes();
        Map<DatasetFile, String> sources = files.sources();
        IdxParser.ParsedImages images = files.images().get(imagesFile);
        IdxParser.Parsed labels = files.labels().get(labelsFile);
        byte[] payload = labels.payload();
        for (int i = 0; i < payload.length; i++) {
            int label = payload[i] & 0xff;
            if (label >= classes.size()) {
                throw new InvalidDatasetException(
                        sources.get(labelsFile),
                        "label " + label + " at index " + i + " is outside 0-" + (classes.size() - 1),
                        classes == Dataset.DIGITS
                                ? "LeNet takes labels 0-9 here; for more classes, name them in " + ClassNames.FILE
                                        + " beside the IDX files, one per line (label i is line i+1)"
                                : ClassNames.FILE + " names " + classes.size() + " classes; label i is its line i+1");
            }
        }
        long imageCount = images.pixels().count();
        if (imageCount != labels.payload().length) {
            throw new InvalidDatasetException(
                    sources.get(imagesFile) + " and " + sources.get(labelsFile),
                    "they hold " + imageCount + " images but " + labels.payload().length + " labels",
                    "Use the images and labels files of the same dataset and split");
        }
        return new LabeledImages(
                sources.get(imagesFile), images.pixels(), images.sha256(), labels.payload(), labels.sha256());
    }

    private static void readDirectory(Path directory, Found files, DatasetBudget budget) {
        List<Path> candidates;
        try (Stream<Path> walk = Files.walk(directory)) {
            candidates = walk.filter(Files::isRegularFile)
                    .filter(path -> DatasetFile.forName(path.getFileName().toString()) != null)
                    .sorted()
                    .collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new InvalidDatasetException(
                    directory.toString(),
                    "cannot be listed (" + Causes.describe(e) + ")",
                    "Check that the directory is readable");
        }
        for (Path path : candidates) {
            DatasetFile file = DatasetFile.forName(path.getFileName().toString());
            String source = path.toString();
            claim(directory.toString(), file, source, files.sources());
            try (InputStream in = Files.newInputStream(path)) {
                parse(files, file, new IdxParser.Source(source, path), in, budget);
            } catch (IOException e) {
                throw new InvalidDatasetException(
                        source, "cannot be read (" + Causes.describe(e) + ")", IdxParser.REFETCH, e);
            }
        }
    }

    private static void readArchive(Path archive, Found files, DatasetBudget budget) {
        Archives.forEachDatasetFile(archive, (file, source, content) -> {
            claim(archive.toString(), file, source, files.sources());
            parse(files, file, IdxParser.Source.of(source), content, budget);
        });
    }

    private static void claim(String location, DatasetFile file, String source, Map<DatasetFile, String> sources) {
        String earlier = sources.putIfAbsent(file, source);
        if (earlier != null) {
            throw new InvalidDatasetException(
                    location,
                    "holds two candidates for " + file.standardName() + ": " + earlier + " and " + source,
                    "Keep one copy of each of the four files");
        }
    }

    private static void parse(
            Found files, DatasetFile file, IdxParser.Source source, InputStream in, DatasetBudget budget) {
        if (file.isImages()) {
            files.images().put(file, IdxParser.images(source, in, budget));
        } else {
            files.labels().put(file, IdxParser.labels(source, in, budget));
        }
    }
}
