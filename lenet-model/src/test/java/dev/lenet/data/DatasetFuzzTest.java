package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * Mutated IDX files and archives: every one ends in a clean read or an {@link InvalidDatasetException}, never another
 * exception, an OutOfMemoryError or a hang.
 */
@Tag("slow") // thousands of generated cases: with the slow tests in mvn verify
class DatasetFuzzTest {
    private static final byte[] IMAGES = IdxWriter.images(DatasetFixtures.TEST.images(), DatasetFixtures.TEST.count());
    private static final byte[] LABELS = IdxWriter.labels(DatasetFixtures.TEST.labels());
    private static final Duration HANG = Duration.ofSeconds(10);

    /** A byte to write at a position; positions below 32 hit the headers most. */
    record Edit(int position, int value) {}

    /** A file changed by edits, then cut or extended, then maybe gzipped. */
    record Mutation(List<Edit> edits, int keepPercent, int appended, boolean gzip) {
        byte[] apply(byte[] original) {
            byte[] file = original.clone();
            for (Edit e : edits) {
                file[e.position() % file.length] = (byte) e.value();
            }
            int kept = (int) ((long) file.length * keepPercent / 100);
            byte[] result = new byte[kept + appended];
            System.arraycopy(file, 0, result, 0, kept);
            for (int i = 0; i < appended; i++) {
                result[kept + i] = (byte) (i * 31);
            }
            return gzip ? IdxWriter.gzip(result) : result;
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<Edit> edit = Combinators.combine(
                        Arbitraries.oneOf(
                                Arbitraries.integers().between(0, 31),
                                Arbitraries.integers().between(0, 1 << 20)),
                        Arbitraries.integers().between(0, 255))
                .as(Edit::new);
        return Combinators.combine(
                        edit.list().ofMaxSize(8),
                        Arbitraries.oneOf(
                                Arbitraries.just(100), Arbitraries.integers().between(0, 100)),
                        Arbitraries.oneOf(
                                Arbitraries.just(0), Arbitraries.integers().between(1, 3000)),
                        Arbitraries.of(false, true))
                .as(Mutation::new);
    }

    @Property(tries = 2000)
    void mutatedIdxFilesEndInADatasetErrorOrARead(@ForAll("mutations") Mutation mutation) {
        byte[] images = mutation.apply(IMAGES);
        byte[] labels = mutation.apply(LABELS);
        assertTimeoutPreemptively(HANG, () -> {
            readOrRefuse(() -> IdxParser.images("images", new ByteArrayInputStream(images)));
            readOrRefuse(() -> IdxParser.labels("labels", new ByteArrayInputStream(labels)));
            readOrRefuse(() -> IdxParser.images("labels as images", new ByteArrayInputStream(labels)));
        });
    }

    @Property(tries = 1000)
    void mutatedArchivesEndInADatasetErrorOrARead(@ForAll("mutations") Mutation mutation, @ForAll boolean zip)
            throws IOException {
        Map<String, byte[]> files = DatasetFixtures.files("package/data/", !zip);
        Path directory = Files.createTempDirectory("lenet-fuzz-");
        try {
            Path archive = directory.resolve(zip ? "mnist.zip" : "mnist.tgz");
            if (zip) {
                DatasetFixtures.zip(archive, files);
            } else {
                DatasetFixtures.tarGz(archive, files);
            }
            Files.write(archive, mutation.apply(Files.readAllBytes(archive)));
            assertTimeoutPreemptively(HANG, () -> readOrRefuse(() -> DatasetReader.read(archive)));
        } finally {
            try (var paths = Files.walk(directory)) {
                paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void readOrRefuse(Runnable read) {
        try {
            read.run();
        } catch (InvalidDatasetException refused) {
            // the one allowed failure
        }
    }
}
