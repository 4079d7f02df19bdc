package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDigitsTest {
    @TempDir
    Path temp;

    private static String row(String label, int value) {
        return label + "," + String.join(",", Collections.nCopies(784, Integer.toString(value)));
    }

    /** Both passes: the labels, then the images. */
    private static List<byte[]> images(Path file) throws IOException {
        List<byte[]> images = new java.util.ArrayList<>();
        CsvDigits.forEachImage(
                CsvDigits.read(file, 1000), images::add, new Progress("Converting CSV rows", 2, s -> {}));
        return images;
    }

    @Test
    void readsWithAndWithoutAHeader() throws IOException {
        String header = "label," + String.join(",", Collections.nCopies(784, "px"));
        Path with = Files.writeString(temp.resolve("a.csv"), header + "\n" + row("7", 3) + "\n" + row("10", 0) + "\n");
        Path without = Files.writeString(temp.resolve("b.csv"), row("7", 3) + "\n\n" + row("10", 0) + "\n");
        for (Path file : List.of(with, without)) {
            CsvDigits.Rows rows = CsvDigits.read(file, 1000);
            assertEquals(List.of("7", "10"), rows.labels());
            assertEquals(3, images(file).get(0)[783]);
            assertEquals(2, images(file).size());
            assertEquals(List.of("7", "10"), CsvDigits.classesOf(rows), "numbers sort as numbers");
        }
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsNamedByLine() throws IOException {
        Path file = Files.writeString(temp.resolve("train.csv"), row("1", 0) + "\n" + row("2", 0) + ",5\n");
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> CsvDigits.read(file, 1000));
        assertEquals(
                file + " line 2: has 786 values. Each line holds the label and 784 pixel values (28x28): 785"
                        + " values",
                e.getMessage());
    }

    @Test
    void aValueOutside0To255OrNotANumberIsNamedByLineAndPosition() throws IOException {
        Path big = Files.writeString(temp.resolve("big.csv"), row("1", 0) + "\n" + row("1", 256) + "\n");
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> images(big));
        assertEquals(
                big + " line 2 value 2: '256' is not a whole number 0-255. Pixel values are whole numbers from 0"
                        + " (background) to 255",
                e.getMessage());
        Path text = Files.writeString(
                temp.resolve("text.csv"), row("1", 0) + "\n" + row("1", 0).replace(",0,", ",x,") + "\n");
        e = assertThrows(InvalidDatasetException.class, () -> images(text));
        assertEquals(
                text + " line 2 value 2: 'x' is not a whole number 0-255. Pixel values are whole numbers from 0"
                        + " (background) to 255",
                e.getMessage());
    }

    @Test
    void moreRowsThanTheBudgetAllowsAreRefusedWhileReadingTheLabels() throws IOException {
        Path file = Files.writeString(temp.resolve("train.csv"), (row("1", 0) + "\n").repeat(3));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> CsvDigits.read(file, 2));
        assertEquals(
                file + ": holds more than 2 images, the most the dataset budget (maxDatasetBytes) allows. Raise"
                        + " maxDatasetBytes (784 bytes an image) if the data is that large",
                e.getMessage());
    }

    @Test
    void aLabelThatIsNotAClassIsNamedByLine() throws IOException {
        Path test = Files.writeString(temp.resolve("test.csv"), row("cat", 0) + "\n" + row("emu", 0) + "\n");
        InvalidDatasetException e = assertThrows(
                InvalidDatasetException.class,
                () -> CsvDigits.labels(CsvDigits.read(test, 1000), List.of("cat", "dog")));
        assertEquals(
                test + " line 2: has the label 'emu', which is not among the classes [cat, dog]. Use one of the"
                        + " classes (the training file's labels, or the classes parameter)",
                e.getMessage());
    }

    @Test
    void aLineLongerThanAnyImageIsRefusedBeforeItIsHeldWhole() throws IOException {
        Path file = temp.resolve("train.csv");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("label,pixels\n");
            for (int i = 0; i < 100_000; i++) {
                out.write("0,");
            }
        }
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> CsvDigits.read(file, 1000));
        assertEquals(
                file + " line 2: is longer than 65536 characters. Each line holds the label and 784 pixel values"
                        + " (28x28), one image a line; check that this is such a CSV file",
                e.getMessage());
    }
}
