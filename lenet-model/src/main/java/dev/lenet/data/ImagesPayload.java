package dev.lenet.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Where an images file's pixels go once its header is checked, by the {@link DatasetBudget}: into memory; nowhere but
 * the hash (a build's own JVM, deciding whether a model is up to date); left in place, when the file is uncompressed;
 * or decompressed into a file of their own. The pixels are hashed on the way, whichever.
 */
final class ImagesPayload {
    private ImagesPayload() {}

    /** @return the pixels, or null when the budget keeps only the hash */
    static Pixels read(
            IdxParser.Source source,
            InputStream content,
            boolean gzip,
            long expected,
            int count,
            MessageDigest digest,
            DatasetBudget budget)
            throws IOException {
        if (expected <= Math.min(budget.inMemoryBytes(), Integer.MAX_VALUE - 16)) {
            byte[] payload = IdxParser.readPayload(source, content, expected, count, "images");
            digest.update(payload);
            return new Pixels.InMemory(payload);
        }
        if (budget.spillDirectory() == null) {
            copy(source, content, OutputStream.nullOutputStream(), expected, count, digest);
            return null;
        }
        if (!gzip && source.file() != null) {
            copy(source, content, OutputStream.nullOutputStream(), expected, count, digest);
            return new Pixels.OnDisk(source.file(), 16, count);
        }
        return spill(source, content, expected, count, digest, budget);
    }

    /** Copies the payload to {@code out}, hashing it, a buffer at a time. */
    private static void copy(
            IdxParser.Source source,
            InputStream content,
            OutputStream out,
            long expected,
            int count,
            MessageDigest digest)
            throws IOException {
        byte[] buffer = new byte[1 << 20];
        long done = 0;
        while (done < expected) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, expected - done));
            if (n < 0) {
                throw IdxParser.truncated(source, count, "images", expected, done);
            }
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
            done += n;
        }
    }

    /** Decompresses the pixels into a file of their own, deleted when this JVM ends. */
    private static Pixels spill(
            IdxParser.Source source,
            InputStream content,
            long expected,
            int count,
            MessageDigest digest,
            DatasetBudget budget)
            throws IOException {
        Path directory = Files.createDirectories(budget.spillDirectory());
        long usable = Files.getFileStore(directory).getUsableSpace();
        if (usable < expected) {
            throw new InvalidDatasetException(
                    source.name(),
                    "holds " + DatasetBudget.text(expected) + " of pixels, more than memory takes, to decompress into "
                            + directory + ", which has " + DatasetBudget.text(usable) + " free",
                    "Free space there, point java.io.tmpdir (in jvmArgs) at a larger disk, or give the dataset"
                            + " uncompressed, which is read in place");
        }
        Path file = Files.createTempFile(directory, "lenet-pixels-", ".bin");
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
            copy(source, content, out, expected, count, digest);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Pixels.OnDisk(file, 0, count);
    }
}
