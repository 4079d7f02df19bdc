package dev.lenet.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void aWrittenFileGetsTheModeOfAPlainFileNotOfAPrivateTemporaryOne(@TempDir Path temp) throws IOException {
        Path plain = Files.createFile(temp.resolve("plain.txt"));
        Path written = temp.resolve("metrics.json");
        AtomicFiles.write(written, partial -> Files.writeString(partial, "{}"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
        assertEquals("{}", Files.readString(written));
    }

    @Test
    void nothingButTheTargetIsLeftBeside(@TempDir Path temp) throws IOException {
        Path target = temp.resolve("model.jar");
        AtomicFiles.write(target, partial -> Files.writeString(partial, "one"));
        AtomicFiles.write(target, partial -> Files.writeString(partial, "two"));
        try (var entries = Files.list(temp)) {
            assertEquals(List.of(target), entries.toList());
        }
        assertEquals("two", Files.readString(target));
    }
}
