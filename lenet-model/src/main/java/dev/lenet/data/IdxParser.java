package dev.lenet.data;

import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelSignature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Parses IDX files (the format of MNIST, Fashion-MNIST, KMNIST) strictly: raw or gzip, recognised by content.
 * Every defect is an {@link InvalidDatasetException} naming the input, the defect (expected vs found) and a fix.
 */
public final class IdxParser {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    /**
     * More images (or labels) than any 28x28, 10-class dataset holds (EMNIST digits, the largest, has 240,000); a
     * header past it is refused before anything is read, so a damaged or crafted header cannot claim gigabytes.
     */
    public static final int MAX_ITEMS = 250_000;
    /** Larger than any 28x28 IDX file of up to {@link #MAX_ITEMS} images; caps what a download may expand to. */
    public static final long MAX_FILE_BYTES = 16 + (long) MAX_ITEMS * ModelSignature.PIXELS;
    /** Trailing bytes counted before giving up: enough to tell a slightly damaged file from something else. */
    static final long MAX_TRAILING_BYTES = 1 << 20;

    static final String REFETCH =
            "Replace it with a complete copy of the dataset file (a cached copy can be deleted so it is fetched again)";
    private static final String NOT_IDX = "This is not an MNIST-format file (possibly a decompression bomb or a"
            + " damaged header); use the dataset's IDX files";
    private static final String USE_28X28 =
            "LeNet here takes 28x28 greyscale images in IDX format (MNIST, Fashion-MNIST, KMNIST)";

    private IdxParser() {}

    /** A parsed file: the payload (pixels or labels) and the SHA-256 of the uncompressed file. */
    public record Parsed(byte[] payload, String sha256) {}

    public static Parsed images(String source, InputStream in) {
        return read(source, in, 16, "IDX images", (header, content) -> {
            requireMagic(source, header.getInt(0), IMAGES_MAGIC, "IDX images of unsigned bytes");
            int rows = header.getInt(8);
            int columns = header.getInt(12);
            if (rows != ModelSignature.ROWS || columns != ModelSignature.COLUMNS) {
                throw new InvalidDatasetException(
                        source, "images are " + rows + "x" + columns + " pixels but 28x28 were expected", USE_28X28);
            }
            return rest(source, content, header.array(), header.getInt(4), ModelSignature.PIXELS, "images");
        });
    }

    public static Parsed labels(String source, InputStream in) {
        Parsed parsed = read(source, in, 8, "IDX labels", (header, content) -> {
            requireMagic(source, header.getInt(0), LABELS_MAGIC, "IDX labels of unsigned bytes");
            return rest(source, content, header.array(), header.getInt(4), 1, "labels");
        });
        return parsed;
    }

    /** Reads the rest of a file once its header is checked. */
    private interface Body {
        Parsed read(ByteBuffer header, InputStream content) throws IOException;
    }

    /**
     * Reads the header, then no more than it declares (and a little more, to tell trailing bytes): a compressed file
     * is never expanded past what a real IDX file of its header could hold.
     */
    private static Parsed read(String source, InputStream in, int headerBytes, String kind, Body body) {
        boolean gzip = false;
        try {
            byte[] start = in.readNBytes(2);
            InputStream rest = new SequenceInputStream(new ByteArrayInputStream(start), in);
            gzip = start.length == 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b;
            InputStream content = gzip ? new GZIPInputStream(rest, 1 << 16) : rest;
            byte[] header = content.readNBytes(headerBytes);
            if (header.length == 0) {
                throw new InvalidDatasetException(source, "the file is empty (0 bytes)", REFETCH);
            }
            if (header.length < headerBytes) {
                throw new InvalidDatasetException(
                        source,
                        "the file has " + header.length + " bytes, fewer than the " + headerBytes + "-byte " + kind
                                + " header",
                        REFETCH);
            }
            return body.read(ByteBuffer.wrap(header), content);
        } catch (IOException e) {
            if (gzip) {
                throw new InvalidDatasetException(
                        source, "starts like gzip but cannot be decompressed (" + Causes.describe(e) + ")", REFETCH, e);
            }
            throw new InvalidDatasetException(source, "cannot be read (" + Causes.describe(e) + ")", REFETCH, e);
        }
    }

    /** The items the header declares, refusing a count no dataset has, a short payload and trailing bytes. */
    private static Parsed rest(
            String source, InputStream content, byte[] header, int count, int bytesPerItem, String items)
            throws IOException {
        if (count <= 0) {
            throw new InvalidDatasetException(
                    source,
                    "the header declares " + Integer.toUnsignedString(count) + " " + items
                            + " but at least 1 was expected",
                    REFETCH);
        }
        if (count > MAX_ITEMS) {
            throw new InvalidDatasetException(
                    source,
                    "the header declares " + count + " " + items + ", more than the "
                            + String.format(Locale.ROOT, "%,d", MAX_ITEMS) + " a build trains on",
                    NOT_IDX);
        }
        int expected = count * bytesPerItem;
        // readNBytes grows its buffer as bytes arrive: a header that overstates a short file allocates little.
        byte[] payload = content.readNBytes(expected);
        if (payload.length < expected) {
            throw new InvalidDatasetException(
                    source,
                    "the file is truncated: the header declares " + count + " " + items + " (" + expected
                            + " bytes) but " + payload.length + " bytes follow the header",
                    REFETCH);
        }
        long trailing = countUpTo(content, MAX_TRAILING_BYTES + 1);
        if (trailing > MAX_TRAILING_BYTES) {
            throw new InvalidDatasetException(
                    source,
                    "more than " + MAX_TRAILING_BYTES + " unexpected bytes follow the " + count + " " + items
                            + " the header declares",
                    NOT_IDX);
        }
        if (trailing > 0) {
            throw new InvalidDatasetException(
                    source,
                    trailing + " unexpected bytes follow the " + count + " " + items + " the header declares",
                    REFETCH);
        }
        return new Parsed(payload, Sha256.of(header, payload));
    }

    /** Bytes left in {@code in}, counting no further than {@code limit}. */
    private static long countUpTo(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
            total += n;
        }
        return total;
    }

    private static void requireMagic(String source, int found, int expected, String expectedKind) {
        if (found != expected) {
            String foundKind = switch (found) {
                case IMAGES_MAGIC -> " (IDX images)";
                case LABELS_MAGIC -> " (IDX labels)";
                default -> "";
            };
            throw new InvalidDatasetException(
                    source,
                    "magic number is " + hex(found) + foundKind + " but " + hex(expected) + " (" + expectedKind
                            + ") was expected",
                    "Check that the file is an IDX file and that images and labels are not swapped");
        }
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
