package dev.lenet.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {
    @TempDir
    Path temp;

    private ClassDataSharing sharing(List<String> userOptions) throws IOException {
        Path jar = temp.resolve("a.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "classes");
        }
        return ClassDataSharing.of(temp.resolve("cds"), Path.of("/jdk/bin/java"), List.of(jar), userOptions);
    }

    @Test
    void theFirstChildWritesTheArchiveBesideItThenItIsMovedIntoPlace() throws IOException {
        ClassDataSharing first = sharing(List.of("-Xmx1g"));
        assertTrue(first.creating());
        assertEquals(
                List.of("-XX:ArchiveClassesAtExit=" + first.pending(), "-Xlog:all=warning:stderr"), first.options());
        assertTrue(first.prepare());
        Files.writeString(first.pending(), "archive");
        first.complete(true);
        assertTrue(Files.isRegularFile(first.archive()));
        assertFalse(Files.exists(first.pending()));
        ClassDataSharing next = sharing(List.of("-Xmx1g"));
        assertFalse(next.creating());
        assertEquals(List.of("-XX:SharedArchiveFile=" + first.archive(), "-Xlog:all=warning:stderr"), next.options());
    }

    @Test
    void aChildThatEndedBadlyLeavesNoArchive() throws IOException {
        ClassDataSharing first = sharing(List.of());
        assertTrue(first.prepare());
        Files.writeString(first.pending(), "part of an archive");
        first.complete(false);
        assertFalse(Files.exists(first.pending()));
        assertFalse(Files.exists(first.archive()));
    }

    @Test
    void anotherClasspathHasAnotherArchive() throws IOException {
        ClassDataSharing before = sharing(List.of());
        Files.writeString(temp.resolve("a.jar"), "classes, rebuilt");
        assertNotEquals(before.archive(), sharing(List.of()).archive());
    }

    @Test
    void aUsersOwnSharingOptionWins() throws IOException {
        assertNull(sharing(List.of("-Xshare:off")));
        assertNull(sharing(List.of("-XX:SharedArchiveFile=/mine.jsa")));
    }

    @Test
    void aClasspathWithADirectoryIsNotArchived() {
        assertNull(ClassDataSharing.of(temp.resolve("cds"), Path.of("/jdk/bin/java"), List.of(temp), List.of()));
    }

    @Test
    void theNewestThreeArchivesAreKept() throws IOException {
        Path cds = Files.createDirectories(temp.resolve("cds"));
        for (int i = 0; i < 5; i++) {
            Path old = Files.writeString(cds.resolve("old" + i + ".jsa"), "x");
            Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        ClassDataSharing made = sharing(List.of());
        Files.writeString(made.pending(), "archive");
        made.complete(true);
        try (Stream<Path> left = Files.list(cds)) {
            assertEquals(
                    java.util.Set.of(made.archive().getFileName().toString(), "old3.jsa", "old4.jsa"),
                    left.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }
}
