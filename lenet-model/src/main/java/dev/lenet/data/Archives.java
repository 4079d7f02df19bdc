package dev.lenet.data;

import dev.lenet.contract.Causes;
import dev.lenet.contract.SafePaths;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/** Streams the dataset files inside a .tar, .tar.gz/.tgz or .zip archive (recognised by content), in place. */
final class Archives {
    private Archives() {}

    /** Receives one dataset file found in an archive; closing {@code content} does not close the archive. */
    interface DatasetEntryHandler {
        void accept(DatasetFile file, String source, InputStream content) throws IOException;
    }

    /** Receives one file of an archive by its entry name; closing {@code content} does not close the archive. */
    interface EntryHandler {
        void accept(String name, String source, InputStream content) throws IOException;
    }

    static void forEachDatasetFile(Path archive, DatasetEntryHandler handler) {
        forEachFile(archive, (name, source, content) -> {
            DatasetFile role = DatasetFile.forName(name.substring(name.lastIndexOf('/') + 1));
            if (role != null) {
                handler.accept(role, source, content);
            }
        });
    }

    /** Every file entry, in archive order; an entry whose name leaves the archive is refused. */
    static void forEachFile(Path archive, EntryHandler handler) {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                ArchiveInputStream<?> entries = open(archive, file)) {
            ArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                String source = archive + "!" + name;
                if (entry instanceof TarArchiveEntry tar
                        && (tar.isSymbolicLink()
                                || tar.isLink()
                                || tar.isCharacterDevice()
                                || tar.isBlockDevice()
                                || tar.isFIFO())) {
                    throw new InvalidDatasetException(
                            source,
                            "is a "
                                    + (tar.isSymbolicLink()
                                            ? "symbolic link"
                                            : tar.isLink() ? "hard link" : "special file")
                                    + ", not a file",
                            "Datasets hold plain files: repack the archive without links");
                }
                if (SafePaths.escapes(name)) {
                    throw new InvalidDatasetException(
                            source,
                            "the entry name leaves the archive (absolute or '..')",
                            "Refusing a crafted archive; repack the dataset with plain relative entry names");
                }
                handler.accept(name, source, new NonClosing(entries));
            }
        } catch (IOException e) {
            throw new InvalidDatasetException(
                    archive.toString(),
                    "cannot be read as an archive (" + Causes.describe(e) + ")",
                    DatasetReader.WHAT_IT_NEEDS,
                    e);
        }
    }

    /** At most this much is extracted from an archive: a bomb stops here. */
    static final long MAX_EXTRACTED_BYTES = 4L << 30;

    static final int MAX_EXTRACTED_FILES = 1_000_000;

    /**
     * Datasets compress a few times (IDX and CSV about 5 to 10, pictures hardly at all); an archive that expands far
     * more is a bomb, stopped once it has written this many times its own size (and at least {@link #RATIO_FLOOR}).
     */
    static final long MAX_RATIO = 200;

    static final long RATIO_FLOOR = 256L << 20;

    /** Writes every file of {@code archive} under {@code directory}, within the budgets above, counted as it goes. */
    static void extract(Path archive, Path directory) throws IOException {
        long archiveBytes = Files.size(archive);
        long limit = Math.min(MAX_EXTRACTED_BYTES, Math.max(RATIO_FLOOR, archiveBytes * MAX_RATIO));
        long[] budget = {limit, MAX_EXTRACTED_FILES};
        forEachFile(archive, (name, source, content) -> {
            if (--budget[1] < 0) {
                throw new InvalidDatasetException(
                        archive.toString(),
                        "holds more than " + MAX_EXTRACTED_FILES + " files",
                        "Split the dataset, or give it as a directory");
            }
            Path file = directory.resolve(name);
            OutputStream out = openForWriting(file);
            try (out) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = content.read(buffer)) > 0) {
                    budget[0] -= n;
                    if (budget[0] < 0) {
                        throw limit == MAX_EXTRACTED_BYTES
                                ? new InvalidDatasetException(
                                        archive.toString(),
                                        "expands to more than " + (MAX_EXTRACTED_BYTES >> 30) + " GiB",
                                        "Give the dataset as a directory")
                                : new InvalidDatasetException(
                                        archive.toString(),
                                        "expands to more than " + limit + " bytes, " + MAX_RATIO + " times its size and"
                                                + " more than any dataset compresses: a decompression bomb",
                                        "Give the dataset as a directory, or an archive made from it");
                    }
                    write(out, buffer, n, file);
                }
            }
        });
    }

    /** A failure to write is the disk's or the cache's, never the archive's: it leaves as unchecked. */
    private static OutputStream openForWriting(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(OutputStream out, byte[] buffer, int n, Path file) {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * A tar or zip archive, gzip-compressed or not: what datasets come as. Other compressions and archive formats are
     * refused from their first bytes, before anything is decompressed (a bzip2 bomb expands at 45,000 to 1).
     */
    private static ArchiveInputStream<?> open(Path archive, InputStream file) throws IOException {
        try {
            InputStream content = file;
            String compression = compression(file);
            if (CompressorStreamFactory.GZIP.equals(compression)) {
                content = new BufferedInputStream(
                        new CompressorStreamFactory().createCompressorInputStream(compression, file));
            } else if (compression != null) {
                throw new InvalidDatasetException(
                        archive.toString(),
                        "is compressed with " + compression + ", which datasets are not read from",
                        "Repack it as a .tar, .tar.gz/.tgz or .zip archive, or give it as a directory");
            }
            String format = ArchiveStreamFactory.detect(content);
            if (format.equals(ArchiveStreamFactory.ZIP)) {
                return new ZipArchiveInputStream(content);
            }
            if (format.equals(ArchiveStreamFactory.TAR)) {
                return new TarArchiveInputStream(content);
            }
            throw new InvalidDatasetException(
                    archive.toString(),
                    "is an archive of the " + format + " format, which datasets are not read from",
                    "Repack it as a .tar, .tar.gz/.tgz or .zip archive, or give it as a directory");
        } catch (ArchiveException | CompressorException e) {
            throw new InvalidDatasetException(
                    archive.toString(),
                    "is neither a directory nor a .tar, .tar.gz/.tgz or .zip archive (" + Causes.describe(e) + ")",
                    DatasetReader.WHAT_IT_NEEDS,
                    e);
        }
    }

    /** The compression the stream starts with, or null when it is not compressed. */
    private static String compression(InputStream file) {
        try {
            return CompressorStreamFactory.detect(file);
        } catch (CompressorException notCompressed) {
            return null;
        }
    }

    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }
}
