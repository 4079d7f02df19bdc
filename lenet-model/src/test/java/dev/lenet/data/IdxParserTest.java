package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.contract.ModelSignature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;
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
        return assertThrows(
                        InvalidDatasetException.class,
                        () -> IdxParser.images("train-images-idx3-ubyte", new ByteArrayInputStream(file)))
                .getMessage();
    }

    private static String labelsError(byte[] file) {
        return assertThrows(
                        InvalidDatasetException.class,
                        () -> IdxParser.labels("train-labels-idx1-ubyte", new ByteArrayInputStream(file)))
                .getMessage();
    }

    @Test
    void readsRawAndGzippedImagesAlike() {
        byte[] file = imagesFile(2, 28, 28, 2 * 784);
        IdxParser.ParsedImages raw = IdxParser.images("a", new ByteArrayInputStream(file));
        IdxParser.ParsedImages gzipped = IdxParser.images("a", new ByteArrayInputStream(IdxWriter.gzip(file)));
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
        assertEquals(
                "train-images-idx3-ubyte: the file has 5 bytes, fewer than the 16-byte IDX images header. " + REFETCH,
                imagesError(new byte[] {0, 0, 8, 3, 0}));
    }

    @Test
    void labelsGivenAsImages() {
        assertEquals(
                "train-images-idx3-ubyte: magic number is 0x00000801 (IDX labels) but 0x00000803 (IDX images of"
                        + " unsigned bytes) was expected. Check that the file is an IDX file and that images and labels"
                        + " are not swapped",
                imagesError(IdxWriter.labels(new byte[20])));
    }

    @Test
    void wrongMagicInLabels() {
        byte[] file = labelsFile((byte) 1);
        file[3] = 0x42;
        assertEquals(
                "train-labels-idx1-ubyte: magic number is 0x00000842 but 0x00000801 (IDX labels of unsigned bytes)"
                        + " was expected. Check that the file is an IDX file and that images and labels are not swapped",
                labelsError(file));
    }

    @Test
    void imagesOfAnotherSize() {
        assertEquals(
                "train-images-idx3-ubyte: images are 32x32 pixels but 28x28 were expected. LeNet here takes 28x28"
                        + " greyscale images in IDX format (MNIST, Fashion-MNIST, KMNIST)",
                imagesError(imagesFile(1, 32, 32, 1024)));
    }

    @Test
    void truncatedPayload() {
        assertEquals(
                "train-images-idx3-ubyte: the file is truncated: the header declares 3 images (2352 bytes) but 1000"
                        + " bytes follow the header. " + REFETCH,
                imagesError(imagesFile(3, 28, 28, 1000)));
    }

    @Test
    void trailingBytes() {
        assertEquals(
                "train-images-idx3-ubyte: 7 unexpected bytes follow the 1 images the header declares. " + REFETCH,
                imagesError(imagesFile(1, 28, 28, 784 + 7)));
    }

    @Test
    void noImagesDeclared() {
        assertEquals(
                "train-images-idx3-ubyte: the header declares 0 images but at least 1 was expected. " + REFETCH,
                imagesError(imagesFile(0, 28, 28, 0)));
    }

    @Test
    void gzipGarbage() {
        byte[] gzip = IdxWriter.gzip(imagesFile(1, 28, 28, 784));
        byte[] garbage = java.util.Arrays.copyOf(gzip, 30);
        String message = imagesError(garbage);
        assertEquals(
                "train-images-idx3-ubyte: starts like gzip but cannot be decompressed (EOFException: Unexpected end of"
                        + " ZLIB input stream). " + REFETCH,
                message);
    }

    @Test
    void aHeaderDeclaringMoreThanTheBudgetIsRefusedBeforeAnyPayloadIsRead() {
        ByteBuffer header = ByteBuffer.allocate(16)
                .putInt(IdxParser.IMAGES_MAGIC)
                .putInt(2_000_000_000)
                .putInt(28)
                .putInt(28);
        InvalidDatasetException e = assertThrows(
                InvalidDatasetException.class,
                () -> IdxParser.images("huge", new ByteArrayInputStream(header.array())));
        assertEquals(
                "huge: the header declares 2,000,000,000 images (1460.3 GiB of pixels), more than the dataset budget"
                        + " of 8 GiB. If the dataset is that large, raise maxDatasetBytes"
                        + " (-Dlenet.maxDatasetBytes=1461g); else this is not an MNIST-format file (possibly a"
                        + " decompression bomb or a damaged header); use the dataset's IDX files",
                e.getMessage());
    }

    @Test
    void labelsCountAgainstTheBudgetAsTheImagesTheyLabel() {
        ByteBuffer header =
                ByteBuffer.allocate(8).putInt(IdxParser.LABELS_MAGIC).putInt(1_000);
        DatasetBudget small = new DatasetBudget(999 * 784L, 0, null);
        InvalidDatasetException e = assertThrows(
                InvalidDatasetException.class,
                () -> IdxParser.labels(IdxParser.Source.of("labels"), new ByteArrayInputStream(header.array()), small));
        assertTrue(
                e.getMessage()
                        .startsWith("labels: the header declares 1,000 labels (784000 bytes of pixels), more than the"
                                + " dataset budget of 783216 bytes. If the dataset is that large, raise"
                                + " maxDatasetBytes"),
                e.getMessage());
    }

    @Test
    void aGzipBombStopsJustPastWhatItsHeaderDeclares() throws IOException {
        // 1 GiB of zeros after the one image, about 1 MB compressed: the image, then 1024 gzip members of 1 MiB of
        // zeros each (a reader takes concatenated members as one stream), compressed once and repeated.
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(IdxWriter.images(new byte[ModelSignature.PIXELS], 1));
        }
        ByteArrayOutputStream zerosMember = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zerosMember)) {
            gzip.write(new byte[1 << 20]);
        }
        for (int i = 0; i < 1024; i++) {
            zerosMember.writeTo(compressed);
        }
        byte[] bomb = compressed.toByteArray();
        long[] consumed = {0};
        InputStream counting = new FilterInputStream(new ByteArrayInputStream(bomb)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                consumed[0] += Math.max(n, 0);
                return n;
            }
        };
        InvalidDatasetException e =
                assertThrows(InvalidDatasetException.class, () -> IdxParser.images("bomb.gz", counting));
        assertEquals(
                "bomb.gz: more than 1048576 unexpected bytes follow the 1 images the header declares. This is not"
                        + " an MNIST-format file (possibly a decompression bomb or a damaged header); use the dataset's IDX"
                        + " files",
                e.getMessage());
        assertTrue(consumed[0] < bomb.length / 10, "read " + consumed[0] + " of " + bomb.length + " compressed bytes");
    }

    @Test
    void aReadErrorWithoutAMessageStillSaysWhatHappenedAndKeepsTheCause() {
        IOException noMessage = new java.net.SocketException();
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw noMessage;
            }
        };
        InvalidDatasetException e =
                assertThrows(InvalidDatasetException.class, () -> IdxParser.labels("cut.tgz!l", failing));
        assertEquals("cut.tgz!l: cannot be read (SocketException). " + IdxParser.REFETCH, e.getMessage());
        assertSame(noMessage, e.getCause());
    }
}
