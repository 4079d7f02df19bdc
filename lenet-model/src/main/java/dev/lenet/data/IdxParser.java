package dev.lenet.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

/**
 * Parses IDX files (the format of MNIST, Fashion-MNIST, KMNIST) strictly: raw or gzip, recognised by content.
 * Every defect is an {@link InvalidDatasetException} naming the input, the defect (expected vs found) and a fix.
 */
public final class IdxParser {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    /** Larger than any 28x28 dataset worth training in a build (1M images); stops gzip bombs early. */
    public static final long MAX_FILE_BYTES = 16 + 1_000_000L * Digits.PIXELS;

    static final String REFETCH =
            "Replace it with a complete copy of the dataset file (a cached copy can be deleted so it is fetched again)";
    private static final String USE_28X28 =
            "LeNet here takes 28x28 greyscale images in IDX format (MNIST, Fashion-MNIST, KMNIST)";

    private IdxParser() {}

    /** A parsed file: the payload (pixels or labels) and the SHA-256 of the uncompressed file. */
    public record Parsed(byte[] payload, String sha256) {}

    public static Parsed images(String source, InputStream in) {
        byte[] file = uncompressed(source, in);
        requireHeader(source, file, 16, "IDX images");
        ByteBuffer header = ByteBuffer.wrap(file);
        requireMagic(source, header.getInt(0), IMAGES_MAGIC, "IDX images of unsigned bytes");
        int count = header.getInt(4);
        int rows = header.getInt(8);
        int columns = header.getInt(12);
        if (rows != Digits.ROWS || columns != Digits.COLUMNS) {
            throw new InvalidDatasetException(source,
                    "images are " + rows + "x" + columns + " pixels but 28x28 were expected", USE_28X28);
        }
        byte[] payload = payload(source, file, 16, count, Digits.PIXELS, "images");
        return new Parsed(payload, Sha256.of(file));
    }

    public static Parsed labels(String source, InputStream in) {
        byte[] file = uncompressed(source, in);
        requireHeader(source, file, 8, "IDX labels");
        ByteBuffer header = ByteBuffer.wrap(file);
        requireMagic(source, header.getInt(0), LABELS_MAGIC, "IDX labels of unsigned bytes");
        int count = header.getInt(4);
        byte[] payload = payload(source, file, 8, count, 1, "labels");
        for (int i = 0; i < payload.length; i++) {
            int label = payload[i] & 0xff;
            if (label >= Digits.CLASSES) {
                throw new InvalidDatasetException(source, "label " + label + " at index " + i + " is outside 0-9",
                        "LeNet here has 10 classes; use a dataset whose labels are 0-9");
            }
        }
        return new Parsed(payload, Sha256.of(file));
    }

    private static byte[] uncompressed(String source, InputStream in) {
        try {
            byte[] start = in.readNBytes(2);
            InputStream rest = new java.io.SequenceInputStream(new ByteArrayInputStream(start), in);
            boolean gzip = start.length == 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b;
            if (!gzip) {
                return BoundedRead.readAll(source, rest, MAX_FILE_BYTES);
            }
            try (GZIPInputStream gunzip = new GZIPInputStream(rest)) {
                return BoundedRead.readAll(source, gunzip, MAX_FILE_BYTES);
            } catch (InvalidDatasetException e) {
                throw e;
            } catch (IOException e) {
                throw new InvalidDatasetException(source,
                        "starts like gzip but cannot be decompressed (" + e.getMessage() + ")", REFETCH, e);
            }
        } catch (IOException e) {
            throw new InvalidDatasetException(source, "cannot be read (" + e.getMessage() + ")", REFETCH, e);
        }
    }

    private static void requireHeader(String source, byte[] file, int headerBytes, String kind) {
        if (file.length == 0) {
            throw new InvalidDatasetException(source, "the file is empty (0 bytes)", REFETCH);
        }
        if (file.length < headerBytes) {
            throw new InvalidDatasetException(source, "the file has " + file.length + " bytes, fewer than the "
                    + headerBytes + "-byte " + kind + " header", REFETCH);
        }
    }

    private static void requireMagic(String source, int found, int expected, String expectedKind) {
        if (found != expected) {
            String foundKind = switch (found) {
                case IMAGES_MAGIC -> " (IDX images)";
                case LABELS_MAGIC -> " (IDX labels)";
                default -> "";
            };
            throw new InvalidDatasetException(source,
                    "magic number is " + hex(found) + foundKind + " but " + hex(expected) + " (" + expectedKind
                            + ") was expected",
                    "Check that the file is an IDX file and that images and labels are not swapped");
        }
    }

    private static byte[] payload(String source, byte[] file, int headerBytes, int count, int bytesPerItem, String items) {
        if (count <= 0) {
            throw new InvalidDatasetException(source, "the header declares " + Integer.toUnsignedString(count) + " " + items
                    + " but at least 1 was expected", REFETCH);
        }
        long expected = (long) count * bytesPerItem;
        long found = file.length - headerBytes;
        if (found < expected) {
            throw new InvalidDatasetException(source, "the file is truncated: the header declares " + count + " " + items
                    + " (" + expected + " bytes) but " + found + " bytes follow the header", REFETCH);
        }
        if (found > expected) {
            throw new InvalidDatasetException(source, (found - expected) + " unexpected bytes follow the " + count + " "
                    + items + " the header declares", REFETCH);
        }
        byte[] payload = new byte[(int) expected];
        System.arraycopy(file, headerBytes, payload, 0, payload.length);
        return payload;
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
