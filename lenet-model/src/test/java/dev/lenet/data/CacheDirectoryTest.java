package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.files.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset cache shared by the builds of one machine: at once, killed, and what they leave. */
@Slow
class CacheDirectoryTest {
    @TempDir
    Path temp;

    private static List<String> hiddenOrOld(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(".") || name.contains(".old-"))
                    .toList();
        }
    }

    private static String output(Process process) throws Exception {
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), text);
        return text.lines()
                .filter(l -> l.startsWith("DATASET "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(text));
    }

    @Test
    void twoBuildsConvertingTheSameClassFoldersAtOnceBothGetTheWholeDatasetAndTrain() throws Exception {
        Path shapes = temp.resolve("shapes");
        SyntheticShapes.writeDataset(shapes, 20, 5, 3);
        for (int round = 0; round < 20; round++) {
            Path cache = temp.resolve("cache-" + round);
            Process first = CacheLockTest.child("prepare", shapes.toString(), cache.toString(), "train");
            Process second = CacheLockTest.child("prepare", shapes.toString(), cache.toString(), "train");
            String a = output(first);
            String b = output(second);
            assertEquals(a, b, "round " + round);
            assertTrue(a.endsWith(" 60 15"), a);
            assertEquals(List.of(), hiddenOrOld(cache.resolve("converted")), "round " + round);
        }
    }

    /** A .tar of CSV files with a large file beside them, so that extracting it takes long enough to be killed. */
    private Path csvArchiveWithPadding() throws IOException {
        Path csv = Files.createDirectories(temp.resolve("csv"));
        SyntheticDigits.writeCsv(csv.resolve("train.csv"), SyntheticDigits.generate(200, 1));
        SyntheticDigits.writeCsv(csv.resolve("test.csv"), SyntheticDigits.generate(50, 2));
        Path archive = temp.resolve("digits.tar");
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String name : List.of("train.csv", "test.csv")) {
                byte[] content = Files.readAllBytes(csv.resolve(name));
                TarArchiveEntry entry = new TarArchiveEntry("digits/" + name);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            TarArchiveEntry padding = new TarArchiveEntry("digits/padding.bin");
            long size = 384L << 20;
            padding.setSize(size);
            tar.putArchiveEntry(padding);
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                tar.write(zeros);
            }
            tar.closeArchiveEntry();
        }
        return archive;
    }

    @Test
    void aBuildKilledWhileExtractingLeavesNothingTheNextBuildTrips() throws Exception {
        Path archive = csvArchiveWithPadding();
        Path cache = temp.resolve("cache");
        Path extracted = cache.resolve("extracted");
        Process killed = CacheLockTest.child("prepare", archive.toString(), cache.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (hiddenOrOld(extracted).isEmpty() && System.nanoTime() < deadline && killed.isAlive()) {
            Thread.sleep(2);
        }
        assertTrue(killed.isAlive(), "the build was still extracting when killed");
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9
        assertEquals(1, hiddenOrOld(extracted).size(), "its staging directory is left: " + hiddenOrOld(extracted));

        Path prepared = DatasetPreparation.prepare(archive, DatasetOptions.defaults(42), cache, line -> {});
        Dataset dataset = DatasetReader.read(prepared);
        assertEquals(200, dataset.train().count());
        assertEquals(List.of(), hiddenOrOld(extracted), "the next build removed it");
    }

    @Test
    void stagingOfAnotherBuildIsKeptWhileItRunsAndRemovedOnceItHasEnded() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("converted"));
        Files.createDirectories(folder.resolve(".aaaa-123/aaaa"));
        Files.createDirectories(folder.resolve(".bbbb.old-456"));
        Process running =
                CacheLockTest.child("hold", folder.resolve("aaaa.lock").toString());
        try {
            assertEquals(
                    "locked",
                    new java.io.BufferedReader(
                                    new java.io.InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))
                            .readLine());
            CacheDirectory.removeAbandonedStaging(folder, "cccc");
            assertEquals(List.of(".aaaa-123"), hiddenOrOld(folder));
        } finally {
            running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        CacheDirectory.removeAbandonedStaging(folder, "cccc");
        assertEquals(List.of(), hiddenOrOld(folder));
        AtomicFiles.deleteRecursively(folder);
    }

    @Test
    void aFullDiskIsNamedAsOne() {
        InvalidDatasetException e =
                CacheDirectory.unwritable(temp.resolve("converted/abc"), new IOException("No space left on device"));
        assertTrue(
                e.getMessage().startsWith(temp.resolve("converted/abc") + ": cannot be written: the disk is full ("),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith(" MiB free; No space left on device). Free space on that disk, or set"
                                + " datasetCache to a folder on another disk"),
                e.getMessage());
    }
}
