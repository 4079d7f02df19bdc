package dev.lenet.contract;

import java.nio.file.Path;

/** Archive entry names that would land outside the directory they are extracted to. */
public final class SafePaths {
    private SafePaths() {}

    /** True for absolute names and names with a {@code ..} segment. */
    public static boolean escapes(String entryName) {
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Resolves an entry below a directory, refusing any name that would leave it. */
    public static Path resolveInside(Path directory, String entryName) {
        Path root = directory.toAbsolutePath().normalize();
        Path target = root.resolve(entryName).normalize();
        if (escapes(entryName) || !target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException(entryName);
        }
        return target;
    }
}
