package dev.lenet.data;

import dev.lenet.contract.ModelSignature;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes digits as the four MNIST-format IDX files, raw or gzipped. */
public final class IdxWriter {
    private IdxWriter() {}

    public static byte[] images(byte[] pixels, int count) {
        ByteBuffer header = ByteBuffer.allocate(16)
                .putInt(IdxParser.IMAGES_MAGIC)
                .putInt(count)
                .putInt(ModelSignature.ROWS)
                .putInt(ModelSignature.COLUMNS);
        return concat(header.array(), pixels);
    }

    public static byte[] labels(byte[] labels) {
        ByteBuffer header =
                ByteBuffer.allocate(8).putInt(IdxParser.LABELS_MAGIC).putInt(labels.length);
        return concat(header.array(), labels);
    }

    /** Writes the four files into {@code directory} under their standard names ({@code .gz} added when gzipped). */
    public static void writeDataset(Path directory, LabeledImages train, LabeledImages test, boolean gzip)
            throws IOException {
        Files.createDirectories(directory);
        write(directory, DatasetFile.TRAIN_IMAGES, images(train.images(), train.count()), gzip);
        write(directory, DatasetFile.TRAIN_LABELS, labels(train.labels()), gzip);
        write(directory, DatasetFile.TEST_IMAGES, images(test.images(), test.count()), gzip);
        write(directory, DatasetFile.TEST_LABELS, labels(test.labels()), gzip);
    }

    private static void write(Path directory, DatasetFile file, byte[] content, boolean gzip) throws IOException {
        Path target = directory.resolve(file.standardName() + (gzip ? ".gz" : ""));
        Files.write(target, gzip ? gzip(content) : content);
    }

    /**
     * An uncompressed IDX images file written an image at a time, its count declared first: what a conversion writes
     * in constant memory, whatever the number of images.
     */
    public static final class ImagesFile implements Closeable {
        private final Path file;
        private final int count;
        private final OutputStream out;
        private int written;

        public ImagesFile(Path file, int count) throws IOException {
            this.file = file;
            this.count = count;
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
            out.write(ByteBuffer.allocate(16)
                    .putInt(IdxParser.IMAGES_MAGIC)
                    .putInt(count)
                    .putInt(ModelSignature.ROWS)
                    .putInt(ModelSignature.COLUMNS)
                    .array());
        }

        public void add(byte[] image) throws IOException {
            if (image.length != ModelSignature.PIXELS || written == count) {
                throw new IllegalStateException(file + ": image " + (written + 1) + " of " + image.length
                        + " bytes; the file declares " + count + " images of " + ModelSignature.PIXELS);
            }
            out.write(image);
            written++;
        }

        @Override
        public void close() throws IOException {
            out.close();
            if (written != count) {
                throw new IllegalStateException(file + ": " + written + " images written, " + count + " declared");
            }
        }
    }

    /** An uncompressed IDX labels file. */
    public static void writeLabels(Path file, byte[] labels) throws IOException {
        Files.write(file, labels(labels));
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
