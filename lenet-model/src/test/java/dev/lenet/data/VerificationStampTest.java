package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationStampTest {
    @TempDir
    Path folder;

    private final Map<DatasetFile, String> expected = new EnumMap<>(DatasetFile.class);

    @BeforeEach
    void fourFiles() throws IOException {
        for (DatasetFile file : DatasetFile.all()) {
            Files.write(folder.resolve(file.standardName()), new byte[] {1, 2, (byte) file.ordinal()});
            Files.setLastModifiedTime(
                    folder.resolve(file.standardName()), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
            expected.put(file, "hash-" + file.ordinal());
        }
    }

    @Test
    void holdsForTheFilesItStamped() {
        assertFalse(VerificationStamp.holds(folder, expected), "no stamp yet");
        VerificationStamp.write(folder, expected);
        assertTrue(VerificationStamp.holds(folder, expected));
    }

    @Test
    void aFileRewrittenAtTheSameSizeIsCheckedAgain() throws IOException {
        VerificationStamp.write(folder, expected);
        Path labels = folder.resolve(DatasetFile.TEST_LABELS.standardName());
        Files.write(labels, new byte[] {9, 9, 9});
        Files.setLastModifiedTime(labels, FileTime.from(Instant.parse("2026-01-01T00:00:00.000000001Z")));
        assertFalse(VerificationStamp.holds(folder, expected));
    }

    @Test
    void otherExpectedHashesOrAMissingFileAreCheckedAgain() throws IOException {
        VerificationStamp.write(folder, expected);
        Map<DatasetFile, String> other = new EnumMap<>(expected);
        other.put(DatasetFile.TRAIN_IMAGES, "another");
        assertFalse(VerificationStamp.holds(folder, other));
        Files.delete(folder.resolve(DatasetFile.TRAIN_LABELS.standardName()));
        assertFalse(VerificationStamp.holds(folder, expected));
    }
}
