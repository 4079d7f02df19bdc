package dev.lenet.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream whole, refusing more than a limit: a compressed or archived input may expand without bound. */
final class BoundedRead {
    private BoundedRead() {}

    static byte[] readAll(String source, InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new InvalidDatasetException(source, "expands to more than " + limit
                        + " bytes, more than any 28x28 IDX file of up to 1,000,000 images",
                        "This is not an MNIST-format file (possibly a decompression bomb); use the dataset's IDX files");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
