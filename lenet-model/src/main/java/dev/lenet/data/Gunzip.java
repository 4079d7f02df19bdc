package dev.lenet.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Copies a stream to a file, decompressing it when its content is gzip. */
final class Gunzip {
    private Gunzip() {}

    static void toFile(String source, InputStream in, Path target) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream content = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered) : buffered;
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = content.read(buffer)) > 0) {
                total += n;
                if (total > DatasetSource.MAX_FILE_BYTES) {
                    throw new IOException(source + " expands to more than " + DatasetSource.MAX_FILE_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
    }
}
