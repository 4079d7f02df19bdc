package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.InvalidParameterException;
import dev.lenet.contract.ModelSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images files past what memory holds: read in place or decompressed once, hashed as ever, refused past the budget. */
class DatasetBudgetTest {
    /** Everything on disk, nothing held: what a set past half the heap gets. */
    private DatasetBudget onDisk() {
        return new DatasetBudget(DatasetBudget.DEFAULT_MAX_BYTES, 0, temp.resolve("spill"));
    }

    @TempDir
    Path temp;

    private Path dataset(boolean gzip) throws IOException {
        Path directory = temp.resolve(gzip ? "gz" : "raw");
        DatasetFixtures.files("", gzip).forEach((name, bytes) -> write(directory.resolve(name), bytes));
        return directory;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anUncompressedFileIsReadInPlaceByPosition() throws IOException {
        Path directory = dataset(false);
        Dataset data = DatasetReader.read(directory, onDisk());
        Pixels.OnDisk pixels =
                assertInstanceOf(Pixels.OnDisk.class, data.train().pixels());
        assertEquals(directory.resolve("train-images-idx3-ubyte"), pixels.file());
        assertEquals(16, pixels.offset());
        assertArrayEquals(DatasetFixtures.TRAIN.images(), data.train().images());
        assertArrayEquals(DatasetFixtures.TEST.image(7), data.test().image(7));
        assertEquals(
                Sha256.of(directory.resolve("train-images-idx3-ubyte")),
                data.train().imagesSha256());
        assertFalse(Files.exists(temp.resolve("spill")), "nothing decompressed: " + temp.resolve("spill"));
    }

    @Test
    void aCompressedFileIsDecompressedOnceIntoTheSpillDirectory() throws IOException {
        Dataset raw = DatasetReader.read(dataset(false));
        Dataset data = DatasetReader.read(dataset(true), onDisk());
        Pixels.OnDisk pixels =
                assertInstanceOf(Pixels.OnDisk.class, data.train().pixels());
        assertEquals(temp.resolve("spill"), pixels.file().getParent());
        assertEquals(DatasetFixtures.TRAIN.count() * (long) ModelSignature.PIXELS, Files.size(pixels.file()));
        assertArrayEquals(DatasetFixtures.TRAIN.images(), data.train().images());
        assertEquals(raw.identity(), data.identity(), "the hashes are of the uncompressed files, wherever they live");
    }

    @Test
    void selectingFromASetOnDiskReadsThroughTheIndices() throws IOException {
        LabeledImages train = DatasetReader.read(dataset(false), onDisk()).train();
        LabeledImages some = train.select(new int[] {5, 2, 9});
        assertInstanceOf(Pixels.Selected.class, some.pixels());
        assertArrayEquals(DatasetFixtures.TRAIN.image(2), some.image(1));
        assertEquals(DatasetFixtures.TRAIN.label(9), some.label(2));
        byte[] gathered = new byte[2 * ModelSignature.PIXELS];
        some.pixels().gather(new int[] {2, 0}, 0, 2, gathered);
        assertArrayEquals(DatasetFixtures.TRAIN.image(9), java.util.Arrays.copyOf(gathered, ModelSignature.PIXELS));
    }

    @Test
    void theIdentityIsTheHashesOfAFullRead() throws IOException {
        Path directory = dataset(true);
        assertEquals(
                DatasetReader.read(directory).identity(),
                DatasetReader.identity(directory, DatasetBudget.DEFAULT_MAX_BYTES));
    }

    /** 300,000 images: past the 250,000 a build once allowed, and hashed without holding them. */
    @Test
    void aSetPastTheOldCountCapIsWithinTheBudget() throws IOException {
        int count = 300_000;
        Path file = temp.resolve("train-images-idx3-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(ByteBuffer.allocate(16)
                    .putInt(IdxParser.IMAGES_MAGIC)
                    .putInt(count)
                    .putInt(28)
                    .putInt(28)
                    .array());
            byte[] zeros = new byte[ModelSignature.PIXELS * 1000];
            for (int i = 0; i < count / 1000; i++) {
                out.write(zeros);
            }
        }
        IdxParser.ParsedImages parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = IdxParser.images(
                    new IdxParser.Source(file.toString(), file),
                    in,
                    DatasetBudget.hashOnly(DatasetBudget.DEFAULT_MAX_BYTES));
        }
        assertEquals(64, parsed.sha256().length());
    }

    @Test
    void anUncompressedFileShorterThanItsHeaderDeclaresIsRefusedFromItsSize() throws IOException {
        Path file = temp.resolve("train-images-idx3-ubyte");
        Files.write(file, java.util.Arrays.copyOf(IdxWriter.images(new byte[3 * 784], 3), 16 + 784));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> readImages(file));
        assertEquals(
                file + ": the file is truncated: the header declares 3 images (2352 bytes) but 784 bytes follow the"
                        + " header. " + IdxParser.REFETCH,
                e.getMessage());
    }

    @Test
    void aGzipFileThatCannotHoldWhatItsHeaderDeclaresIsABomb() throws IOException {
        Path file = temp.resolve("train-images-idx3-ubyte.gz");
        byte[] header = ByteBuffer.allocate(16)
                .putInt(IdxParser.IMAGES_MAGIC)
                .putInt(5_000_000)
                .putInt(28)
                .putInt(28)
                .array();
        Files.write(file, IdxWriter.gzip(header));
        long size = Files.size(file);
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> readImages(file));
        assertEquals(
                file + ": the header declares 5,000,000 images (3,920,000,000 bytes), more than a gzip file of "
                        + size + " bytes can hold (deflate expands at most 1032 times): a decompression bomb or a"
                        + " damaged header. " + IdxParser.REFETCH,
                e.getMessage());
    }

    private IdxParser.ParsedImages readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return IdxParser.images(new IdxParser.Source(file.toString(), file), in, onDisk());
        }
    }

    @Test
    void sizesAreReadAsABuildWritesThem() {
        assertEquals(8L << 30, DatasetBudget.parse("8g"));
        assertEquals(512L << 20, DatasetBudget.parse(" 512M "));
        assertEquals(784, DatasetBudget.parse("784"));
        assertEquals("8 GiB", DatasetBudget.text(8L << 30));
        assertEquals("523.4 MiB", DatasetBudget.text(700_000L * 784));
        for (String bad : List.of("", "8x", "-1g", "g", "99999999999t")) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> DatasetBudget.parse(bad));
            assertEquals(
                    "Invalid maxDatasetBytes '" + bad + "': a size in bytes, or with k, m, g or t, such as 8g (the"
                            + " default)",
                    e.getMessage());
        }
        assertTrue(assertThrows(InvalidParameterException.class, () -> new DatasetBudget(783, 0, null))
                .getMessage()
                .startsWith("Invalid maxDatasetBytes '783': at least one image"));
    }
}
