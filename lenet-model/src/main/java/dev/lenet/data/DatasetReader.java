package dev.lenet.data;

import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelSignature;
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

    public static Dataset read(Path location) {
        if (!Files.exists(location)) {
            throw new InvalidDatasetException(location.toString(), "does not exist", WHAT_IT_NEEDS);
        }
        Map<DatasetFile, IdxParser.Parsed> parsed = new EnumMap<>(DatasetFile.class);
        Map<DatasetFile, String> sources = new EnumMap<>(DatasetFile.class);
        List<String> classes = Dataset.DIGITS;
        if (Files.isDirectory(location)) {
            Path names = location.resolve(ClassNames.FILE);
            if (Files.isRegularFile(names)) {
                classes = ClassNames.read(names);
            }
            readDirectory(location, parsed, sources);
        } else {
            readArchive(location, parsed, sources);
        }
        List<String> missing = DatasetFile.all().stream()
                .filter(file -> !parsed.containsKey(file))
                .map(DatasetFile::acceptedNames)
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidDatasetException(
                    location.toString(), "has no " + String.join(", no ", missing), WHAT_IT_NEEDS);
        }
        return new Dataset(
                location.toString(),
                classes,
                digits(parsed, sources, DatasetFile.TRAIN_IMAGES, DatasetFile.TRAIN_LABELS, classes),
                digits(parsed, sources, DatasetFile.TEST_IMAGES, DatasetFile.TEST_LABELS, classes));
    }

    private static LabeledImages digits(
            Map<DatasetFile, IdxParser.Parsed> parsed,
            Map<DatasetFile, String> sources,
            DatasetFile imagesFile,
            DatasetFile labelsFile,
            List<String> classes) {
        IdxParser.Parsed images = parsed.get(imagesFile);
        IdxParser.Parsed labels = parsed.get(labelsFile);
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
        long imageCount = images.payload().length / ModelSignature.PIXELS;
        if (imageCount != labels.payload().length) {
            throw new InvalidDatasetException(
                    sources.get(imagesFile) + " and " + sources.get(labelsFile),
                    "they hold " + imageCount + " images but " + labels.payload().length + " labels",
                    "Use the images and labels files of the same dataset and split");
        }
        return new LabeledImages(
                sources.get(imagesFile), images.payload(), images.sha256(), labels.payload(), labels.sha256());
    }

    private static void readDirectory(
            Path directory, Map<DatasetFile, IdxParser.Parsed> parsed, Map<DatasetFile, String> sources) {
        List<Path> candidates;
        try (Stream<Path> files = Files.walk(directory)) {
            candidates = files.filter(Files::isRegularFile)
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
            claim(directory.toString(), file, source, sources);
            try (InputStream in = Files.newInputStream(path)) {
                parsed.put(file, parse(file, source, in));
            } catch (IOException e) {
                throw new InvalidDatasetException(
                        source, "cannot be read (" + Causes.describe(e) + ")", IdxParser.REFETCH, e);
            }
        }
    }

    private static void readArchive(
            Path archive, Map<DatasetFile, IdxParser.Parsed> parsed, Map<DatasetFile, String> sources) {
        Archives.forEachDatasetFile(archive, (file, source, content) -> {
            claim(archive.toString(), file, source, sources);
            parsed.put(file, parse(file, source, content));
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

    private static IdxParser.Parsed parse(DatasetFile file, String source, InputStream in) {
        return file.isImages() ? IdxParser.images(source, in) : IdxParser.labels(source, in);
    }
}
