package dev.lenet.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;

/** Putting finished files and directories in place in one step, so a reader never sees half of one. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes a file's (or a directory's) whole content to the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path partial) throws IOException;
    }

    /**
     * Writes {@code target} through a hidden partial file beside it, moved into place when complete: a reader sees
     * the old file or the new one, never half of one. Leftovers of an interrupted earlier write are cleared first.
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        deleteLeftovers(absolute);
        Path partial = newPartialFile(absolute);
        try {
            content.writeTo(partial);
            replaceFile(partial, absolute);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * Writes {@code target} as a whole directory: {@code content} is given a path inside a hidden staging directory
     * beside it (the path does not exist yet; the content creates it), which is moved into place when complete,
     * replacing an earlier {@code target} whole. Leftovers are not cleared here: a shared cache may hold another
     * writer's staging directory.
     */
    public static void writeDirectory(Path target, Content content) throws IOException {
        writeDirectory(target, content, false);
    }

    /**
     * As {@link #writeDirectory(Path, Content)}; {@code durable} forces every file and directory to disk before the
     * move and the move itself after it, so that after a power loss the directory is either absent or whole.
     */
    public static void writeDirectory(Path target, Content content, boolean durable) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path staging = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + "-");
        try {
            Path finished = staging.resolve(absolute.getFileName());
            content.writeTo(finished);
            if (durable) {
                forceToDisk(finished);
            }
            replaceDirectory(finished, absolute);
            if (durable) {
                forceToDisk(absolute.getParent(), false);
            }
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Forces a directory's files, and the directories themselves, to disk. */
    static void forceToDisk(Path directory) throws IOException {
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : tree.toList()) {
                forceToDisk(path, Files.isRegularFile(path));
            }
        }
    }

    private static void forceToDisk(Path path, boolean file) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (file) {
                throw e;
            }
            // a directory cannot be opened for syncing on every system (Windows); its files are synced
        }
    }

    /**
     * A new empty file beside {@code target}, created as any plain file is (mode 0666 less the umask), not as a private
     * temporary file: moved into place, it is the file readers get, and a CI job or web server running as another
     * user must be able to read a report or a model.
     */
    private static Path newPartialFile(Path target) throws IOException {
        while (true) {
            Path partial = target.resolveSibling(
                    "." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".partial");
            try {
                return Files.createFile(partial);
            } catch (FileAlreadyExistsException taken) {
                // another writer's partial file: draw another name
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Moves a finished file over {@code target}, atomically where the file system can. */
    public static void replaceFile(Path finished, Path target) throws IOException {
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Puts a finished directory at {@code target}. An existing target is first renamed aside and deleted only
     * after the new one is in place.
     */
    public static void replaceDirectory(Path finished, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
        deleteQuietly(old);
    }

    /**
     * Deletes what an interrupted earlier write left beside {@code target}: hidden siblings named after it (staging
     * directories, partial files, a replaced copy awaiting deletion). They are never read, only in the way.
     */
    public static void deleteLeftovers(Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        String prefix = "." + target.getFileName();
        try (Stream<Path> siblings = Files.list(directory)) {
            for (Path leftover : siblings.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .toList()) {
                deleteRecursively(leftover);
            }
        }
    }

    /** Deletes a file or a directory tree; a missing path is fine. */
    public static void deleteRecursively(Path path) throws IOException {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Deletes a file or a directory tree, ignoring failure: for temporary and staging paths no reader trusts. */
    public static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException e) {
            // a hidden staging name or a private temporary directory: ignored by every reader, cleared by the next
            // write
        }
    }
}
