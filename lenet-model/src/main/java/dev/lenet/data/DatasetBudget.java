package dev.lenet.data;

import dev.lenet.InvalidParameterException;
import dev.lenet.contract.ModelSignature;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What reading a dataset may cost, in bytes: an images file may hold at most {@code maxBytes} of pixels (a header
 * declaring more is refused before anything is read); one holding more than {@code inMemoryBytes} stays on disk and
 * is read by batch, in place when it is an uncompressed file, else decompressed once into {@code spillDirectory}.
 *
 * @param maxBytes the most pixels one images file may hold: the disk a dataset may take, and what a header may claim
 * @param inMemoryBytes images files up to this are held in memory; larger ones are read from disk
 * @param spillDirectory where compressed files past {@code inMemoryBytes} are decompressed, one file each
 */
public record DatasetBudget(long maxBytes, long inMemoryBytes, Path spillDirectory) {
    /** 8 GiB: ten million 28x28 images. */
    public static final long DEFAULT_MAX_BYTES = 8L << 30;

    public static final String PARAMETER = "maxDatasetBytes";

    public DatasetBudget {
        if (maxBytes < ModelSignature.PIXELS) {
            throw new InvalidParameterException(
                    PARAMETER, maxBytes, "at least one image (784 bytes); the default is " + text(DEFAULT_MAX_BYTES));
        }
        if (inMemoryBytes < 0) {
            throw new IllegalArgumentException("inMemoryBytes " + inMemoryBytes + " is negative");
        }
    }

    /**
     * The budget of a JVM with this heap: images files up to half of it in memory (the rest is the network's, the
     * evaluation's, and the runtime's), larger ones on disk, decompressed under the temporary directory.
     */
    public static DatasetBudget forThisJvm(long maxBytes) {
        return new DatasetBudget(
                maxBytes, Runtime.getRuntime().maxMemory() / 2, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Only hashes are wanted: nothing is kept, nothing written. */
    public static DatasetBudget hashOnly(long maxBytes) {
        return new DatasetBudget(maxBytes, 0, null);
    }

    /** Bytes as a person reads them: 8 GiB, 549.0 MiB, 784 bytes. */
    public static String text(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                    .replace(".0 ", " ");
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20))
                    .replace(".0 ", " ");
        }
        return bytes + " bytes";
    }

    /**
     * A size as a build names it: a number of bytes, or with k, m, g or t (powers of 1024), such as {@code 8g}.
     *
     * @throws InvalidParameterException naming {@value #PARAMETER} when it is none of these
     */
    public static long parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int shift = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        try {
            long value = Long.parseLong(digits);
            if (value < 0 || value > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(
                    PARAMETER, text, "a size in bytes, or with k, m, g or t, such as 8g (the default)", e);
        }
    }
}
