package dev.lenet.data;

import dev.lenet.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a verification of the cached files found: each file's size and modification time beside the hash it was checked
 * against. While every file keeps its size and time, a build takes the stamp for the hashing (about 55 MB of SHA-256
 * for MNIST, in every build's prepare); any change, a missing file or an unreadable stamp means a full check again. A
 * change that keeps both size and time to the nanosecond is not seen here, but still in the card: training hashes the
 * files it reads.
 */
final class VerificationStamp {
    static final String FILE = ".verified";

    private VerificationStamp() {}

    /** True when {@code folder}'s stamp says each file, as it is now, had its expected hash. */
    static boolean holds(Path folder, Map<DatasetFile, String> expected) {
        try {
            return Files.isRegularFile(folder.resolve(FILE))
                    && Files.readAllLines(folder.resolve(FILE), StandardCharsets.UTF_8)
                            .equals(lines(folder, expected));
        } catch (IOException e) {
            return false;
        }
    }

    /** Records the files just checked; a cache it cannot write is checked in full next time. */
    static void write(Path folder, Map<DatasetFile, String> expected) {
        try {
            List<String> lines = lines(folder, expected);
            AtomicFiles.write(folder.resolve(FILE), partial -> Files.write(partial, lines, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // only a shortcut: without it the next build hashes the files again
        }
    }

    private static List<String> lines(Path folder, Map<DatasetFile, String> expected) throws IOException {
        List<String> lines = new ArrayList<>();
        for (DatasetFile file : DatasetFile.all()) {
            BasicFileAttributes attributes =
                    Files.readAttributes(folder.resolve(file.standardName()), BasicFileAttributes.class);
            lines.add(file.standardName() + " " + attributes.size() + " "
                    + attributes.lastModifiedTime().toInstant() + " " + expected.get(file));
        }
        return lines;
    }
}
