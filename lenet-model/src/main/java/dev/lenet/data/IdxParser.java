package dev.lenet.data;

import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelSignature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Parses IDX files (the format of MNIST, Fashion-MNIST, KMNIST, EMNIST) strictly: raw or gzip, recognised by content.
 * What a file may hold is a {@link DatasetBudget} in bytes, checked against the header (and, for a file, its size)
 * before anything is allocated. Every defect is an {@link InvalidDatasetException} naming the input, the defect
 * (expected vs found) and a fix.
 */
public final class IdxParser {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    /** Trailing bytes counted before giving up: enough to tell a slightly damaged file from something else. */
    static final long MAX_TRAILING_BYTES = 1 << 20;
    /** Deflate's most: one compressed byte never becomes more than this many (RFC 1951's longest match per bit). */
    static final long DEFLATE_MAX_RATIO = 1032;

    static final String REFETCH =
            "Replace it with a complete copy of the dataset file (a cached copy can be deleted so it is fetched again)";
    private static final String NOT_IDX = "This is not an MNIST-format file (possibly a decompression bomb or a"
            + " damaged header); use the dataset's IDX files";
    private static final String USE_28X28 =
            "LeNet here takes 28x28 greyscale images in IDX format (MNIST, Fashion-MNIST, KMNIST)";

    private IdxParser() {}

    /** A parsed labels file: the labels and the SHA-256 of the uncompressed file. */
    public record Parsed(byte[] payload, String sha256) {}

    /** A parsed images file: the pixels, in memory or on disk, and the SHA-256 of the uncompressed file. */
    public record ParsedImages(Pixels pixels, String sha256) {
        /** The pixels in one array: for files read into memory. */
        public byte[] payload() {
            return ((Pixels.InMemory) pixels).array();
        }
    }

    /**
     * Where a file's bytes come from: a name for messages, and the file itself when it is one on disk (an archive's
     * entry has none), whose size bounds what its header may claim and which uncompressed is read in place.
     */
    public record Source(String name, Path file) {
        public static Source of(String name) {
            return new Source(name, null);
        }
    }

    /** Images read into memory, under the default budget. */
    public static ParsedImages images(String source, InputStream in) {
        return images(Source.of(source), in, DatasetBudget.forThisJvm(DatasetBudget.DEFAULT_MAX_BYTES));
    }

    public static ParsedImages images(Source source, InputStream in, DatasetBudget budget) {
        Header h = header(source, in, 16, "IDX images");
        requireMagic(source.name(), h.bytes().getInt(0), IMAGES_MAGIC, "IDX images of unsigned bytes");
        int rows = h.bytes().getInt(8);
        int columns = h.bytes().getInt(12);
        if (rows != ModelSignature.ROWS || columns != ModelSignature.COLUMNS) {
            throw new InvalidDatasetException(
                    source.name(), "images are " + rows + "x" + columns + " pixels but 28x28 were expected", USE_28X28);
        }
        int count = h.bytes().getInt(4);
        long expected = declared(source, h, count, ModelSignature.PIXELS, "images", budget);
        MessageDigest digest = Sha256.digest();
        digest.update(h.bytes().array());
        try {
            Pixels pixels = ImagesPayload.read(source, h.content(), h.gzip(), expected, count, digest, budget);
            requireEnd(source, h.content(), count, "images");
            return new ParsedImages(pixels, Sha256.hex(digest));
        } catch (IOException e) {
            throw unreadable(source, h.gzip(), e);
        }
    }

    public static Parsed labels(String source, InputStream in) {
        return labels(Source.of(source), in, DatasetBudget.forThisJvm(DatasetBudget.DEFAULT_MAX_BYTES));
    }

    /** Labels are always read into memory: one byte an image, within the budget's count of images. */
    public static Parsed labels(Source source, InputStream in, DatasetBudget budget) {
        Header h = header(source, in, 8, "IDX labels");
        requireMagic(source.name(), h.bytes().getInt(0), LABELS_MAGIC, "IDX labels of unsigned bytes");
        int count = h.bytes().getInt(4);
        long expected = declared(source, h, count, 1, "labels", budget);
        try {
            byte[] payload = readPayload(source, h.content(), expected, count, "labels");
            requireEnd(source, h.content(), count, "labels");
            return new Parsed(payload, Sha256.of(h.bytes().array(), payload));
        } catch (IOException e) {
            throw unreadable(source, h.gzip(), e);
        }
    }

    /** A checked header and the stream past it. */
    private record Header(ByteBuffer bytes, InputStream content, boolean gzip) {}

    private static Header header(Source source, InputStream in, int headerBytes, String kind) {
        boolean gzip = false;
        try {
            byte[] start = in.readNBytes(2);
            InputStream rest = new SequenceInputStream(new ByteArrayInputStream(start), in);
            gzip = start.length == 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b;
            InputStream content = gzip ? new GZIPInputStream(rest, 1 << 16) : rest;
            byte[] header = content.readNBytes(headerBytes);
            if (header.length == 0) {
                throw new InvalidDatasetException(source.name(), "the file is empty (0 bytes)", REFETCH);
            }
            if (header.length < headerBytes) {
                throw new InvalidDatasetException(
                        source.name(),
                        "the file has " + header.length + " bytes, fewer than the " + headerBytes + "-byte " + kind
                                + " header",
                        REFETCH);
            }
            return new Header(ByteBuffer.wrap(header), content, gzip);
        } catch (IOException e) {
            throw unreadable(source, gzip, e);
        }
    }

    /**
     * The payload's size the header declares, once it is known to fit the budget and, for a file on disk, the
     * file's size: nothing has been allocated for it yet.
     */
    private static long declared(
            Source source, Header h, int count, int bytesPerItem, String items, DatasetBudget budget) {
        if (count <= 0) {
            throw new InvalidDatasetException(
                    source.name(),
                    "the header declares " + Integer.toUnsignedString(count) + " " + items
                            + " but at least 1 was expected",
                    REFETCH);
        }
        long expected = (long) count * bytesPerItem;
        long pixels = (long) count * ModelSignature.PIXELS;
        if (pixels > budget.maxBytes()) {
            throw new InvalidDatasetException(
                    source.name(),
                    String.format(
                            Locale.ROOT,
                            "the header declares %,d %s (%s of pixels), more than the dataset budget of %s",
                            count,
                            items,
                            DatasetBudget.text(pixels),
                            DatasetBudget.text(budget.maxBytes())),
                    "If the dataset is that large, raise " + DatasetBudget.PARAMETER + " (-Dlenet."
                            + DatasetBudget.PARAMETER + "=" + suggested(pixels) + "); else " + uncap(NOT_IDX));
        }
        if (source.file() != null) {
            long stored = sizeOf(source);
            long headerBytes = h.bytes().capacity();
            if (!h.gzip() && stored < headerBytes + expected) {
                throw new InvalidDatasetException(
                        source.name(),
                        "the file is truncated: the header declares " + count + " " + items + " (" + expected
                                + " bytes) but " + (stored - headerBytes) + " bytes follow the header",
                        REFETCH);
            }
            if (h.gzip() && headerBytes + expected > stored * DEFLATE_MAX_RATIO) {
                throw new InvalidDatasetException(
                        source.name(),
                        String.format(
                                Locale.ROOT,
                                "the header declares %,d %s (%,d bytes), more than a gzip file of %,d bytes can hold"
                                        + " (deflate expands at most %d times): a decompression bomb or a damaged"
                                        + " header",
                                count,
                                items,
                                expected,
                                stored,
                                DEFLATE_MAX_RATIO),
                        REFETCH);
            }
        }
        return expected;
    }

    private static String suggested(long bytes) {
        long gib = (bytes + (1L << 30) - 1) >> 30;
        return gib + "g";
    }

    private static String uncap(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static long sizeOf(Source source) {
        try {
            return Files.size(source.file());
        } catch (IOException e) {
            throw new InvalidDatasetException(source.name(), "cannot be read (" + Causes.describe(e) + ")", REFETCH, e);
        }
    }

    static byte[] readPayload(Source source, InputStream content, long expected, int count, String items)
            throws IOException {
        // readNBytes grows its buffer as bytes arrive: a header that overstates a short stream allocates little.
        byte[] payload = content.readNBytes((int) expected);
        if (payload.length < expected) {
            throw truncated(source, count, items, expected, payload.length);
        }
        return payload;
    }

    static InvalidDatasetException truncated(Source source, int count, String items, long expected, long found) {
        return new InvalidDatasetException(
                source.name(),
                "the file is truncated: the header declares " + count + " " + items + " (" + expected + " bytes) but "
                        + found + " bytes follow the header",
                REFETCH);
    }

    /** Refuses trailing bytes: many mean another kind of file, a few a damaged one. */
    private static void requireEnd(Source source, InputStream content, int count, String items) throws IOException {
        long trailing = countUpTo(content, MAX_TRAILING_BYTES + 1);
        if (trailing > MAX_TRAILING_BYTES) {
            throw new InvalidDatasetException(
                    source.name(),
                    "more than " + MAX_TRAILING_BYTES + " unexpected bytes follow the " + count + " " + items
                            + " the header declares",
                    NOT_IDX);
        }
        if (trailing > 0) {
            throw new InvalidDatasetException(
                    source.name(),
                    trailing + " unexpected bytes follow the " + count + " " + items + " the header declares",
                    REFETCH);
        }
    }

    private static InvalidDatasetException unreadable(Source source, boolean gzip, IOException e) {
        if (gzip) {
            return new InvalidDatasetException(
                    source.name(),
                    "starts like gzip but cannot be decompressed (" + Causes.describe(e) + ")",
                    REFETCH,
                    e);
        }
        return new InvalidDatasetException(source.name(), "cannot be read (" + Causes.describe(e) + ")", REFETCH, e);
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
