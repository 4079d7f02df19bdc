package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetPreparationTest {
    @TempDir
    Path temp;

    private final List<String> log = new ArrayList<>();

    private Path prepare(Path location) {
        return DatasetPreparation.prepare(location, DatasetOptions.defaults(42), temp.resolve("cache"), log::add);
    }

    @Test
    void classFoldersBecomeIdxWithTheirNamesOnceAndAgainOnlyWhenAnImageChanges() throws IOException {
        Path shapes = temp.resolve("shapes");
        SyntheticShapes.writeDataset(shapes, 6, 2, 1);
        Path converted = prepare(shapes);
        Dataset data = DatasetReader.read(converted);
        assertEquals(SyntheticShapes.CLASSES, data.classes());
        assertEquals(18, data.train().count());
        assertEquals(6, data.test().count());
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.startsWith("Class folders: 3 classes (circle, cross, square), 18 training"
                                + " and 6 test images")),
                log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Decoded 24 images in ")), log.toString());

        log.clear();
        Path image = shapes.resolve("train/cross/0001.png");
        Files.setLastModifiedTime(image, FileTime.fromMillis(0));
        assertEquals(converted, prepare(shapes), "a new time is no change");
        assertTrue(log.get(log.size() - 1).contains("converted earlier, same content"), log.toString());

        Files.copy(shapes.resolve("train/circle/0000.png"), image, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path again = prepare(shapes);
        assertNotEquals(converted, again, "new content converts anew");
        assertNotEquals(
                data.train().imagesSha256(), DatasetReader.read(again).train().imagesSha256());
    }

    @Test
    void anArchiveOfClassFoldersIsExtractedOnceThenConverted() throws IOException {
        Path shapes = temp.resolve("shapes");
        SyntheticShapes.writeDataset(shapes, 3, 1, 1);
        Path zip = temp.resolve("shapes.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
                var files = Files.walk(shapes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry("shapes/" + shapes.relativize(file)));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        Path converted = prepare(zip);
        assertEquals(SyntheticShapes.CLASSES, DatasetReader.read(converted).classes());
        assertEquals(converted, prepare(shapes), "the same files give the same conversion, from a folder too");
        log.clear();
        assertEquals(converted, prepare(zip));
        assertTrue(log.stream().noneMatch(l -> l.contains("extracted to")), "extracted once: " + log);
    }

    @Test
    void invertChangesTheConversion() throws IOException {
        Path shapes = temp.resolve("shapes");
        SyntheticShapes.writeDataset(shapes, 2, 1, 1);
        Dataset plain = DatasetReader.read(prepare(shapes));
        Dataset inverted = DatasetReader.read(DatasetPreparation.prepare(
                shapes, new DatasetOptions(List.of(), 0.2, true, 42), temp.resolve("cache"), log::add));
        assertEquals(255 - (plain.train().images()[0] & 0xff), inverted.train().images()[0] & 0xff);
    }

    @Test
    void csvTrainAndTestOrOneFileSplit() throws IOException {
        Path pair = Files.createDirectories(temp.resolve("csv"));
        SyntheticDigits.writeCsv(pair.resolve("train.csv"), SyntheticDigits.generate(50, 1));
        SyntheticDigits.writeCsv(pair.resolve("test.csv"), SyntheticDigits.generate(20, 2));
        Dataset data = DatasetReader.read(prepare(pair));
        assertEquals(Dataset.DIGITS, data.classes());
        assertEquals(50, data.train().count());
        assertEquals(20, data.test().count());
        assertEquals(SyntheticDigits.generate(20, 2).label(3), data.test().label(3));

        Dataset split = DatasetReader.read(prepare(pair.resolve("train.csv")));
        assertEquals(50, split.train().count() + split.test().count());
        LabeledImages all = SyntheticDigits.generate(50, 1);
        int expected = 0;
        for (int c = 0; c < 10; c++) {
            int n = 0;
            for (int i = 0; i < all.count(); i++) {
                n += all.label(i) == c ? 1 : 0;
            }
            expected += n < 2 ? 0 : (int) Math.max(1, Math.round(n * 0.2));
        }
        assertEquals(expected, split.test().count(), "a fifth of each class, at least one");
    }

    @Test
    void csvFilesNamedAsPublicCopiesNameThemAreFound() throws IOException {
        for (String prefix : List.of("mnist_", "fashion-mnist_", "x_")) {
            Path pair = Files.createDirectories(temp.resolve(prefix + "csv"));
            SyntheticDigits.writeCsv(pair.resolve(prefix + "train.csv"), SyntheticDigits.generate(30, 1));
            SyntheticDigits.writeCsv(pair.resolve(prefix + "test.csv"), SyntheticDigits.generate(10, 2));
            Files.writeString(pair.resolve("README.txt"), "where these came from");
            Dataset data = DatasetReader.read(prepare(pair));
            assertEquals(30, data.train().count(), prefix);
            assertEquals(10, data.test().count(), prefix);
        }
    }

    @Test
    void twoTrainingCsvFilesAreNamedRatherThanGuessedBetween() throws IOException {
        Path two = Files.createDirectories(temp.resolve("two"));
        for (String name : List.of("mnist_train.csv", "mnist_train_small.csv", "mnist_test.csv")) {
            SyntheticDigits.writeCsv(two.resolve(name), SyntheticDigits.generate(10, 1));
        }
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> prepare(two));
        assertEquals(
                two + ": holds more than one training or test CSV file (mnist_train.csv, mnist_train_small.csv;"
                        + " mnist_test.csv). Keep one of each in the directory, or give the directory of the pair to"
                        + " use",
                e.getMessage());
    }

    @Test
    void aDirectoryWithNoLayoutSaysWhatItHoldsAndWhatWouldBeRead() throws IOException {
        Path mixed = Files.createDirectories(temp.resolve("mixed"));
        Files.writeString(mixed.resolve("labels.csv"), "label\n1\n");
        Files.writeString(mixed.resolve("notes.txt"), "n");
        Files.writeString(mixed.resolve("data.7z"), "x");
        Files.createDirectories(mixed.resolve("pictures"));
        Files.writeString(mixed.resolve("pictures").resolve("a.txt"), "not a picture");
        Files.writeString(mixed.resolve("emnist-images-idx3.bin"), "x");
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> prepare(mixed));
        assertEquals(
                mixed + ": holds no dataset layout: it has CSV files (labels.csv), folders (pictures), IDX-like files"
                        + " (emnist-images-idx3.bin), archives (data.7z), 1 other file. " + DatasetLayout.LAYOUTS,
                e.getMessage());
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertEquals(
                empty + ": is empty. " + DatasetLayout.LAYOUTS,
                assertThrows(InvalidDatasetException.class, () -> prepare(empty))
                        .getMessage());
    }

    @Test
    void anIdxDatasetIsReadAsItIs() throws IOException {
        Path idx = SyntheticDigitsFixture.idx(temp.resolve("idx"));
        assertEquals(idx, prepare(idx));
    }

    @Test
    void aFileThatIsNoImageStopsTheConversionNamingIt() throws IOException {
        Path shapes = temp.resolve("shapes");
        SyntheticShapes.writeDataset(shapes, 2, 1, 1);
        Path bad = Files.writeString(shapes.resolve("train/square/notes.txt"), "hello");
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> prepare(shapes));
        assertEquals(
                bad + ": is not an image ImageIO can read (PNG, JPEG, BMP or GIF). Convert it to PNG, JPEG, BMP"
                        + " or GIF, or move it out of the dataset",
                e.getMessage());
        assertTrue(
                Files.notExists(temp.resolve("cache/converted")) || onlyLocks(temp.resolve("cache/converted")),
                "nothing half-converted is left");
    }

    /** No dataset and no staging: only the lock files a cache keeps (deleting them would race with a waiter). */
    private static boolean onlyLocks(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.allMatch(p -> p.getFileName().toString().endsWith(".lock") && Files.isRegularFile(p));
        }
    }

    /** A small IDX dataset on disk. */
    static final class SyntheticDigitsFixture {
        static Path idx(Path directory) throws IOException {
            SyntheticDigits.writeDataset(directory, 20, 10, 1, false);
            return directory;
        }
    }
}
