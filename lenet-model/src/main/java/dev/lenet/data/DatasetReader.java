package dev.lenet.data;

import dev.lenet.Causes;
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
            + " t10k-labels-idx1-ubyte, each raw or .gz, at any depth)";

    private DatasetReader() {}

    public static MnistDataset read(Path location) {
        if (!Files.exists(location)) {
            throw new InvalidDatasetException(location.toString(), "does not exist", WHAT_IT_NEEDS);
        }
        Map<DatasetFile, IdxParser.Parsed> parsed = new EnumMap<>(DatasetFile.class);
        Map<DatasetFile, String> sources = new EnumMap<>(DatasetFile.class);
        if (Files.isDirectory(location)) {
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
        return new MnistDataset(
                location.toString(),
                digits(parsed, sources, DatasetFile.TRAIN_IMAGES, DatasetFile.TRAIN_LABELS),
                digits(parsed, sources, DatasetFile.TEST_IMAGES, DatasetFile.TEST_LABELS));
    }

    private static Digits digits(
            Map<DatasetFile, IdxParser.Parsed> parsed,
            Map<DatasetFile, String> sources,
            DatasetFile imagesFile,
            DatasetFile labelsFile) {
        IdxParser.Parsed images = parsed.get(imagesFile);
        IdxParser.Parsed labels = parsed.get(labelsFile);
        long imageCount = images.payload().length / Digits.PIXELS;
        if (imageCount != labels.payload().length) {
            throw new InvalidDatasetException(
                    sources.get(imagesFile) + " and " + sources.get(labelsFile),
                    "they hold " + imageCount + " images but " + labels.payload().length + " labels",
                    "Use the images and labels files of the same dataset and split");
        }
        return new Digits(
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
