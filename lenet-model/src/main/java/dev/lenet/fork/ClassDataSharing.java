package dev.lenet.fork;

import dev.lenet.data.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive for the child JVM (the JDK's AppCDS): the first child with a given Java and classpath
 * writes the classes it loaded into an archive as it exits, and later children map them instead of loading them, about
 * 0.25 s less of each child's start. One archive per Java and classpath (their paths, sizes and times name it), in a
 * directory of the user's; the newest few are kept.
 *
 * @param archive the archive this child uses or writes
 * @param pending where this child writes the archive, when there is none yet, before it is moved into place: a name of
 *     its own, since children of parallel builds may write at once; null when the archive is there to use
 */
record ClassDataSharing(Path archive, Path pending) {
    /** Archives kept per user: a plugin upgrade or a SNAPSHOT rebuild makes a new one. */
    static final int KEPT = 3;

    private static final List<String> USER_CHOICES =
            List.of("-Xshare", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit");

    /**
     * The archive for this Java and classpath in {@code directory}; null when the user chose otherwise, or when the
     * classpath holds a directory (as when run from a source tree), which the JDK cannot archive.
     */
    static ClassDataSharing of(Path directory, Path java, List<Path> classpath, List<String> userOptions) {
        if (directory == null
                || userOptions.stream().anyMatch(o -> USER_CHOICES.stream().anyMatch(o::startsWith))
                || classpath.stream().anyMatch(Files::isDirectory)) {
            return null;
        }
        StringBuilder key = new StringBuilder(java.toAbsolutePath().toString()).append('\n');
        for (Path entry : classpath) {
            key.append(entry.toAbsolutePath()).append(' ');
            try {
                key.append(Files.size(entry))
                        .append(' ')
                        .append(Files.getLastModifiedTime(entry).toMillis());
            } catch (IOException e) {
                key.append("missing");
            }
            key.append('\n');
        }
        String name = Sha256.of(key.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 24) + ".jsa";
        Path archive = directory.resolve(name);
        return new ClassDataSharing(
                archive,
                Files.isRegularFile(archive)
                        ? null
                        : archive.resolveSibling(archive.getFileName() + ".pending-" + UUID.randomUUID()));
    }

    /** Whether this child writes the archive (there is none yet). */
    boolean creating() {
        return pending != null;
    }

    /** The child's options; the JVM's own warnings (such as an archive of another JVM build) go to its error output. */
    List<String> options() {
        return List.of(
                creating() ? "-XX:ArchiveClassesAtExit=" + pending : "-XX:SharedArchiveFile=" + archive,
                "-Xlog:all=warning:stderr");
    }

    /** Prepares the directory; false when it cannot be written, and the child then runs without sharing. */
    boolean prepare() {
        try {
            Files.createDirectories(archive.getParent());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * After a creating child has exited: its archive into place whole when it ended well (a child stopped while
     * writing leaves part of one, deleted), and all but the newest {@value #KEPT} archives removed.
     */
    void complete(boolean endedWell) {
        try {
            Path written = pending;
            if (endedWell && Files.isRegularFile(written) && Files.size(written) > 0) {
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(written);
            List<Path> all;
            try (Stream<Path> files = Files.list(archive.getParent())) {
                all = files.toList();
            }
            List<Path> old = all.stream()
                    .filter(p -> p.getFileName().toString().endsWith(".jsa"))
                    .sorted(Comparator.comparing(ClassDataSharing::modified).reversed())
                    .skip(KEPT)
                    .toList();
            // a killed build's unfinished archive is left; an hour on, nobody writes it any more
            long hourAgo = System.currentTimeMillis() - 3_600_000;
            for (Path p : all) {
                if (old.contains(p) || (p.getFileName().toString().contains(".pending-") && modified(p) < hourAgo)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // an archive is an optimisation: without it the next child starts as this one did
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
