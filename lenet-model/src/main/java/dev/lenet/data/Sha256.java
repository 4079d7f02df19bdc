package dev.lenet.data;

import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** SHA-256 as lower-case hex. */
public final class Sha256 {
    private Sha256() {}

    /** The SHA-256 of the parts one after the other, as of one file holding them. */
    public static String of(byte[]... parts) {
        MessageDigest digest = digest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String of(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of every file below {@code directory}, by its path relative to it (with '/'), in path order. */
    public static SortedMap<String, String> ofFiles(Path directory) {
        SortedMap<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(directory.relativize(file).toString().replace('\\', '/'), of(file));
            }
        } catch (IOException e) {
            throw new LeNetException("cannot read " + directory + " to hash its files (" + Causes.describe(e) + ")", e);
        }
        return hashes;
    }

    /** The hex of what {@code digest} has taken. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
