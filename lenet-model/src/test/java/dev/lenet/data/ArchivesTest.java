package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives are read as what datasets come as, tar or zip, gzip-compressed or not, and nothing else. */
class ArchivesTest {
    @TempDir
    Path temp;

    @Test
    void aBzip2ArchiveIsRefusedFromItsHeaderBeforeAnythingIsDecompressed() throws IOException {
        Path bomb = temp.resolve("zeros.tbz");
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(bomb))) {
            out.write(new byte[1 << 20]); // its first block; a real bomb goes on for 50 GB
        }
        InvalidDatasetException e =
                assertThrows(InvalidDatasetException.class, () -> Archives.forEachFile(bomb, (name, source, in) -> {}));
        assertEquals(
                bomb + ": is compressed with bzip2, which datasets are not read from. Repack it as a .tar,"
                        + " .tar.gz/.tgz or .zip archive, or give it as a directory",
                e.getMessage());
    }

    private Path tarWith(TarArchiveEntry link) throws IOException {
        Path tar = temp.resolve("links.tar");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            TarArchiveEntry file = new TarArchiveEntry("mnist/train-labels-idx1-ubyte");
            byte[] content = {0, 0, 8, 1, 0, 0, 0, 0};
            file.setSize(content.length);
            out.putArchiveEntry(file);
            out.write(content);
            out.closeArchiveEntry();
            out.putArchiveEntry(link);
            out.closeArchiveEntry();
        }
        return tar;
    }

    @Test
    void aSymbolicLinkIsRefusedAndNothingIsWrittenThroughIt() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("mnist/t10k-labels-idx1-ubyte", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("/etc/passwd");
        Path tar = tarWith(link);
        Path into = temp.resolve("extracted");
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> Archives.extract(tar, into));
        assertEquals(
                tar + "!mnist/t10k-labels-idx1-ubyte: is a symbolic link, not a file. Datasets hold plain files:"
                        + " repack the archive without links",
                e.getMessage());
        assertFalse(
                Files.exists(into.resolve("mnist/t10k-labels-idx1-ubyte"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aHardLinkIsRefused() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("mnist/t10k-labels-idx1-ubyte", TarArchiveEntry.LF_LINK);
        link.setLinkName("mnist/train-labels-idx1-ubyte");
        Path tar = tarWith(link);
        InvalidDatasetException e =
                assertThrows(InvalidDatasetException.class, () -> Archives.forEachFile(tar, (name, source, in) -> {}));
        assertEquals(
                tar + "!mnist/t10k-labels-idx1-ubyte: is a hard link, not a file. Datasets hold plain files:"
                        + " repack the archive without links",
                e.getMessage());
    }

    @Test
    void aGzipBombIsStoppedOnceItExpandsFarBeyondWhatDatasetsCompressTo() throws IOException {
        Path bomb = temp.resolve("zeros.tar.gz");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry zeros = new TarArchiveEntry("train.csv");
            zeros.setSize(300L << 20);
            tar.putArchiveEntry(zeros);
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                tar.write(block);
            }
            tar.closeArchiveEntry();
        }
        Path into = temp.resolve("extracted");
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> Archives.extract(bomb, into));
        assertEquals(
                bomb + ": expands to more than 268435456 bytes, 200 times its size and more than any dataset"
                        + " compresses: a decompression bomb. Give the dataset as a directory, or an archive made from it",
                e.getMessage());
    }
}
