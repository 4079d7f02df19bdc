package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class IdxParserTest {
    private static final String REFETCH = IdxParser.REFETCH;

    private static byte[] imagesFile(int count, int rows, int columns, int payloadBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + payloadBytes);
        b.putInt(IdxParser.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(columns);
        for (int i = 0; i < payloadBytes; i++) {
            b.put((byte) i);
        }
        return b.array();
    }

    private static byte[] labelsFile(byte... labels) {
        return IdxWriter.labels(labels);
    }

    private static String imagesError(byte[] file) {
        return assertThrows(InvalidDatasetException.class,
                () -> IdxParser.images("train-images-idx3-ubyte", new ByteArrayInputStream(file))).getMessage();
    }

    private static String labelsError(byte[] file) {
        return assertThrows(InvalidDatasetException.class,
                () -> IdxParser.labels("train-labels-idx1-ubyte", new ByteArrayInputStream(file))).getMessage();
    }

    @Test
    void readsRawAndGzippedImagesAlike() {
        byte[] file = imagesFile(2, 28, 28, 2 * 784);
        IdxParser.Parsed raw = IdxParser.images("a", new ByteArrayInputStream(file));
        IdxParser.Parsed gzipped = IdxParser.images("a", new ByteArrayInputStream(IdxWriter.gzip(file)));
        assertEquals(2 * 784, raw.payload().length);
        assertArrayEquals(raw.payload(), gzipped.payload());
        assertEquals(Sha256.of(file), gzipped.sha256(), "the hash is of the uncompressed file");
    }

    @Test
    void emptyFile() {
        assertEquals("train-images-idx3-ubyte: the file is empty (0 bytes). " + REFETCH, imagesError(new byte[0]));
    }

    @Test
    void headerCutShort() {
        assertEquals("train-images-idx3-ubyte: the file has 5 bytes, fewer than the 16-byte IDX images header. " + REFETCH,
                imagesError(new byte[] {0, 0, 8, 3, 0}));
    }

    @Test
    void labelsGivenAsImages() {
        assertEquals("train-images-idx3-ubyte: magic number is 0x00000801 (IDX labels) but 0x00000803 (IDX images of"
                        + " unsigned bytes) was expected. Check that the file is an IDX file and that images and labels"
                        + " are not swapped",
                imagesError(IdxWriter.labels(new byte[20])));
    }

    @Test
    void wrongMagicInLabels() {
        byte[] file = labelsFile((byte) 1);
        file[3] = 0x42;
        assertEquals("train-labels-idx1-ubyte: magic number is 0x00000842 but 0x00000801 (IDX labels of unsigned bytes)"
                        + " was expected. Check that the file is an IDX file and that images and labels are not swapped",
                labelsError(file));
    }

    @Test
    void imagesOfAnotherSize() {
        assertEquals("train-images-idx3-ubyte: images are 32x32 pixels but 28x28 were expected. LeNet here takes 28x28"
                        + " greyscale images in IDX format (MNIST, Fashion-MNIST, KMNIST)",
                imagesError(imagesFile(1, 32, 32, 1024)));
    }

    @Test
    void truncatedPayload() {
        assertEquals("train-images-idx3-ubyte: the file is truncated: the header declares 3 images (2352 bytes) but 1000"
                + " bytes follow the header. " + REFETCH, imagesError(imagesFile(3, 28, 28, 1000)));
    }

    @Test
    void trailingBytes() {
        assertEquals("train-images-idx3-ubyte: 7 unexpected bytes follow the 1 images the header declares. " + REFETCH,
                imagesError(imagesFile(1, 28, 28, 784 + 7)));
    }

    @Test
    void noImagesDeclared() {
        assertEquals("train-images-idx3-ubyte: the header declares 0 images but at least 1 was expected. " + REFETCH,
                imagesError(imagesFile(0, 28, 28, 0)));
    }

    @Test
    void labelOutsideZeroToNine() {
        assertEquals("train-labels-idx1-ubyte: label 10 at index 2 is outside 0-9. LeNet here has 10 classes; use a"
                + " dataset whose labels are 0-9", labelsError(labelsFile((byte) 0, (byte) 9, (byte) 10)));
    }

    @Test
    void gzipGarbage() {
        byte[] gzip = IdxWriter.gzip(imagesFile(1, 28, 28, 784));
        byte[] garbage = java.util.Arrays.copyOf(gzip, 30);
        String message = imagesError(garbage);
        assertEquals("train-images-idx3-ubyte: starts like gzip but cannot be decompressed (Unexpected end of ZLIB input"
                + " stream). " + REFETCH, message);
    }

    @Test
    void refusesAFileThatExpandsBeyondTheLimit() {
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class,
                () -> BoundedRead.readAll("bomb.gz", new ByteArrayInputStream(new byte[5000]), 4096));
        assertEquals("bomb.gz: expands to more than 4096 bytes, more than any 28x28 IDX file of up to 1,000,000 images."
                + " This is not an MNIST-format file (possibly a decompression bomb); use the dataset's IDX files",
                e.getMessage());
    }
}
