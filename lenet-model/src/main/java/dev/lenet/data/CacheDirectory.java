package dev.lenet.data;

import dev.lenet.contract.Causes;
import dev.lenet.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory of the dataset cache made once, then only read (a conversion, an extraction), by whichever build of the
 * machine comes first: under the cache's lock for it, in a hidden staging directory forced to disk, then moved into
 * place whole, so its existence means it is complete, also after a crash or a power loss. Staging that a killed build
 * left is removed by the next build that fills the same folder.
 */
final class CacheDirectory {
    private CacheDirectory() {}

    /**
     * The directory {@code target}, made by {@code content} unless it exists.
     *
     * @param what what making it is, for a waiting build's message
     */
    static Path fill(Path target, AtomicFiles.Content content, String what, Consumer<String> log, Duration lockLimit)
            throws IOException {
        if (Files.isDirectory(target)) {
            return target;
        }
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        try (CacheLock lock = CacheLock.acquire(lockFile(target), what, log, lockLimit)) {
            if (Files.isDirectory(target)) {
                return target; // another build made it while this one waited
            }
            removeAbandonedStaging(folder, target.getFileName().toString());
            AtomicFiles.writeDirectory(target, content, true);
        }
        return target;
    }

    /**
     * The error for a cache directory that could not be made: a full disk named as one (not as a bad dataset), else
     * the cause and what to check.
     */
    static InvalidDatasetException unwritable(Path target, Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        String problem = "cannot be written (" + Causes.describe(cause) + ")";
        String fix = "Check that the dataset cache (datasetCache) is writable and the disk has space";
        long free = usableSpace(target);
        if (String.valueOf(cause.getMessage()).contains("No space left on device") || (free >= 0 && free < FULL)) {
            problem = "cannot be written: the disk is full (" + Math.max(free, 0) / (1 << 20) + " MiB free; "
                    + Causes.describe(cause) + ")";
            fix = "Free space on that disk, or set datasetCache to a folder on another disk";
        }
        return new InvalidDatasetException(target.toString(), problem, fix, cause);
    }

    /** Less than this left: the disk is as good as full for a dataset. */
    static final long FULL = 16L << 20;

    private static long usableSpace(Path target) {
        for (Path p = target.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                if (Files.exists(p)) {
                    return Files.getFileStore(p).getUsableSpace();
                }
            } catch (IOException e) {
                return -1;
            }
        }
        return -1;
    }

    static Path lockFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".lock");
    }

    /** A staging directory (.KEY-123) or a replaced copy (.KEY.old-123) of the entry KEY. */
    private static final Pattern LEFTOVER = Pattern.compile("\\.([^.-]+)[.-].*");

    /**
     * Hidden staging and replaced copies (.KEY-123, .KEY.old-123) whose writer's lock no process holds; those of
     * {@code own}, whose lock this build holds, are abandoned too.
     */
    static void removeAbandonedStaging(Path folder, String own) throws IOException {
        List<Path> hidden;
        try (Stream<Path> entries = Files.list(folder)) {
            hidden = entries.filter(p -> p.getFileName().toString().startsWith("."))
                    .toList();
        }
        for (Path leftover : hidden) {
            Matcher name = LEFTOVER.matcher(leftover.getFileName().toString());
            if (name.matches()
                    && (name.group(1).equals(own) || CacheLock.free(folder.resolve(name.group(1) + ".lock")))) {
                AtomicFiles.deleteRecursively(leftover);
            }
        }
    }
}
