package dev.lenet.data;

import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelSignature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Turns a dataset of class folders or CSV files into the IDX form the rest of the build reads (four IDX files and
 * {@value ClassNames#FILE}), once: the result is kept under {@code <cache>/converted/<key>}, the key being the SHA-256 of
 * every input file's content and of the options, so a later build with the same images reads it without decoding
 * them again, and any change of an image (content, not time) converts anew. An IDX dataset is used as it is.
 */
public final class DatasetPreparation {
    /** Bumped when the conversion changes, so that no earlier conversion is reused. */
    static final String VERSION = "lenet-converted/1";

    private DatasetPreparation() {}

    /**
     * The dataset a run works on, found one way for the goals and the command line alike: the one given, prepared
     * (converted and cached where it is not IDX already); else MNIST from the cache, fetched from its sources on first
     * use.
     *
     * @param cache the dataset cache; null for the per-user default
     */
    public static Path resolve(
            Path given,
            DatasetOptions options,
            Path cache,
            List<String> sources,
            WebProxy proxy,
            Consumer<String> log) {
        return given != null
                ? prepare(given, options, cache != null ? cache : DatasetCache.defaultRoot(), log)
                : new DatasetCache(cache, sources, proxy, log).mnist();
    }

    /** The IDX directory to read for {@code location}: the location itself, or its converted copy. */
    public static Path prepare(Path location, DatasetOptions options, Path cache, Consumer<String> log) {
        if (Files.isRegularFile(location) && location.getFileName().toString().endsWith(".csv")) {
            return convert(
                    location, List.of(location), options, cache, log, () -> fromCsv(List.of(location), options, log));
        }
        if (Files.isRegularFile(location)) {
            return isIdxArchive(location) ? location : prepare(extracted(location, cache, log), options, cache, log);
        }
        if (!Files.isDirectory(location) || containsIdx(location)) {
            return location;
        }
        Optional<List<Path>> csv = DatasetLayout.csvPair(location);
        if (csv.isPresent()) {
            return convert(location, csv.get(), options, cache, log, () -> fromCsv(csv.get(), options, log));
        }
        if (ClassFolders.looksLikeClassFolders(location)) {
            ClassFolders.Layout layout = ClassFolders.scan(location, options);
            List<Path> files =
                    layout.samples().stream().map(ClassFolders.Sample::file).toList();
            log.accept(String.format(
                    Locale.ROOT,
                    "Class folders: %d classes (%s), %,d training and %,d test images%s%s",
                    layout.classes().size(),
                    String.join(", ", layout.classes()),
                    layout.train().size(),
                    layout.test().size(),
                    layout.split() ? " (test split by testFraction " + options.testFraction() + ")" : "",
                    layout.hidden() == 0 ? "" : "; " + layout.hidden() + " hidden files left out"));
            return convert(location, files, options, cache, log, () -> fromFolders(layout, files, options, log));
        }
        throw DatasetLayout.noLayout(location);
    }

    /**
     * A conversion, planned before any image is decoded: the classes, which source image goes to the test set, the
     * labels of each set in source order, and the images themselves, produced in source order as they are written.
     */
    record Converted(List<String> classes, boolean[] test, byte[] trainLabels, byte[] testLabels, Images images) {}

    /** The source images, in order, one at a time. */
    interface Images {
        void forEach(ImageConversion.Sink sink) throws IOException;
    }

    interface Conversion {
        Converted run();
    }

    private static Path convert(
            Path location,
            List<Path> inputs,
            DatasetOptions options,
            Path cache,
            Consumer<String> log,
            Conversion conversion) {
        String key = key(location, inputs, options);
        Path target = cache.resolve("converted").resolve(key.substring(0, 24));
        if (Files.isRegularFile(target.resolve(ClassNames.FILE))) {
            log.accept("Dataset " + location + ": converted earlier, same content (" + target + ")");
            return target;
        }
        long started = System.nanoTime();
        boolean[] made = {false};
        try {
            CacheDirectory.fill(
                    target,
                    directory -> {
                        Converted converted = conversion.run();
                        if (converted.testLabels().length == 0) {
                            throw new InvalidDatasetException(
                                    location.toString(),
                                    "leaves no image for the test set",
                                    "Give each class two images or more, or a test split of its own");
                        }
                        write(directory, converted);
                        made[0] = true;
                    },
                    "converting " + location + " into " + target,
                    log,
                    CacheLock.WAIT_LIMIT);
        } catch (IOException | UncheckedIOException e) {
            throw CacheDirectory.unwritable(target, e);
        }
        log.accept(
                made[0]
                        ? String.format(
                                Locale.ROOT,
                                "Dataset %s: converted to %s in %.1f s",
                                location,
                                target,
                                (System.nanoTime() - started) / 1e9)
                        : "Dataset " + location + ": converted by another build meanwhile (" + target + ")");
        return target;
    }

    /** The four IDX files and the class names, each image written as it comes: memory holds no set whole. */
    private static void write(Path directory, Converted converted) throws IOException {
        Files.createDirectories(directory);
        try (IdxWriter.ImagesFile train = new IdxWriter.ImagesFile(
                        directory.resolve(DatasetFile.TRAIN_IMAGES.standardName()), converted.trainLabels().length);
                IdxWriter.ImagesFile test = new IdxWriter.ImagesFile(
                        directory.resolve(DatasetFile.TEST_IMAGES.standardName()), converted.testLabels().length)) {
            int[] next = {0};
            converted.images().forEach(image -> (converted.test()[next[0]++] ? test : train).add(image));
        }
        IdxWriter.writeLabels(directory.resolve(DatasetFile.TRAIN_LABELS.standardName()), converted.trainLabels());
        IdxWriter.writeLabels(directory.resolve(DatasetFile.TEST_LABELS.standardName()), converted.testLabels());
        ClassNames.write(directory.resolve(ClassNames.FILE), converted.classes());
    }

    /** SHA-256 of the conversion's version, the options and each input file's path (relative) and content. */
    static String key(Path location, List<Path> inputs, DatasetOptions options) {
        MessageDigest key = Sha256.digest();
        key.update((VERSION + "\n" + options.classes() + "\n" + options.testFraction() + "\n" + options.invert() + "\n"
                        + options.seed() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Path base = Files.isDirectory(location) ? location : location.getParent();
        for (Path file : inputs.stream().sorted().toList()) {
            try {
                key.update((base.relativize(file).toString().replace('\\', '/') + "\n" + Sha256.of(file) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw InvalidDatasetException.unreadable(file, e);
            }
        }
        return Sha256.hex(key);
    }

    /** Reads the CSV files' labels first (to know the classes and the split), then their images as they are written. */
    private static Converted fromCsv(List<Path> files, DatasetOptions options, Consumer<String> log) {
        CsvDigits.Rows train = CsvDigits.read(files.get(0), options.maxBytes() / ModelSignature.PIXELS);
        List<String> classes = ClassNames.validated(
                options.classes().isEmpty() ? CsvDigits.classesOf(train) : options.classes(),
                options.classes().isEmpty() ? train.file() + " (its labels)" : "classes");
        byte[] trainLabels = CsvDigits.labels(train, classes);
        if (files.size() == 2) {
            CsvDigits.Rows test = CsvDigits.read(files.get(1), options.maxBytes() / ModelSignature.PIXELS);
            byte[] testLabels = CsvDigits.labels(test, classes);
            Progress progress = new Progress("Converting CSV rows", trainLabels.length + testLabels.length, log);
            return new Converted(
                    classes, firstAreTrain(trainLabels.length, testLabels.length), trainLabels, testLabels, sink -> {
                        CsvDigits.forEachImage(train, sink, progress);
                        CsvDigits.forEachImage(test, sink, progress);
                        progress.summary("Converted %,d CSV rows");
                    });
        }
        int[] labels = IntStream.range(0, trainLabels.length)
                .map(i -> trainLabels[i] & 0xff)
                .toArray();
        boolean[] test = StratifiedSplit.testItems(labels, classes.size(), options.testFraction(), options.seed());
        ByteArrayOutputStream trainLabelBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream testLabelBytes = new ByteArrayOutputStream();
        for (int i = 0; i < labels.length; i++) {
            (test[i] ? testLabelBytes : trainLabelBytes).write(labels[i]);
        }
        Progress progress = new Progress("Converting CSV rows", labels.length, log);
        return new Converted(classes, test, trainLabelBytes.toByteArray(), testLabelBytes.toByteArray(), sink -> {
            CsvDigits.forEachImage(train, sink, progress);
            progress.summary("Converted %,d CSV rows");
        });
    }

    /** Decodes the class folders' images, {@code files} being the layout's samples' files in order. */
    private static Converted fromFolders(
            ClassFolders.Layout layout, List<Path> files, DatasetOptions options, Consumer<String> log) {
        return new Converted(
                layout.classes(),
                firstAreTrain(layout.train().size(), layout.test().size()),
                labels(layout.train()),
                labels(layout.test()),
                sink -> ImageConversion.convertAll(files, options.invert(), sink, log));
    }

    /** The split of sources that hold the training images first, then the test images. */
    private static boolean[] firstAreTrain(int train, int test) {
        boolean[] isTest = new boolean[train + test];
        java.util.Arrays.fill(isTest, train, train + test, true);
        return isTest;
    }

    private static byte[] labels(List<ClassFolders.Sample> samples) {
        byte[] labels = new byte[samples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) samples.get(i).label();
        }
        return labels;
    }

    private static boolean isIdxArchive(Path archive) {
        boolean[] idx = {false};
        Archives.forEachDatasetFile(archive, (file, source, content) -> idx[0] = true);
        return idx[0];
    }

    /**
     * The archive's files under {@code <cache>/extracted/<SHA-256 of the archive>}, extracted once (beside, then moved
     * into place); its single top folder, if it has one, is the dataset.
     */
    private static Path extracted(Path archive, Path cache, Consumer<String> log) {
        Path target;
        try {
            target = cache.resolve("extracted").resolve(Sha256.of(archive).substring(0, 24));
        } catch (IOException e) {
            throw InvalidDatasetException.unreadable(archive, e);
        }
        if (!Files.isDirectory(target)) {
            try {
                CacheDirectory.fill(
                        target,
                        directory -> Archives.extract(archive, directory),
                        "extracting " + archive + " into " + target,
                        log,
                        CacheLock.WAIT_LIMIT);
            } catch (IOException | UncheckedIOException e) {
                throw CacheDirectory.unwritable(target, e);
            }
            log.accept("Dataset " + archive + ": extracted to " + target);
        }
        try (Stream<Path> entries = Files.list(target)) {
            List<Path> top = entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList();
            return top.size() == 1 && Files.isDirectory(top.get(0)) ? top.get(0) : target;
        } catch (IOException e) {
            throw new InvalidDatasetException(
                    target.toString(), "cannot be listed (" + Causes.describe(e) + ")", "Check that it is readable", e);
        }
    }

    private static boolean containsIdx(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .anyMatch(path -> DatasetFile.forName(path.getFileName().toString()) != null);
        } catch (IOException e) {
            return false;
        }
    }
}
