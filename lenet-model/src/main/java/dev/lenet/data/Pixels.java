package dev.lenet.data;

import dev.lenet.contract.ModelSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The pixels of a set of 28x28 images, 784 bytes an image, row-major: held in memory, or left in an uncompressed IDX
 * file and read by position when asked, so that a set larger than the heap (or than a Java array) costs no memory.
 */
public sealed interface Pixels permits Pixels.InMemory, Pixels.OnDisk, Pixels.Selected {

    int count();

    /** Copies images {@code [from, from + n)} into {@code into}, from its start. */
    void copy(int from, int n, byte[] into);

    /** Copies the images {@code indices[from..from + n)} names, in that order, into {@code into}, from its start. */
    void gather(int[] indices, int from, int n, byte[] into);

    /** Whether the pixels live in this process's memory. */
    default boolean inMemory() {
        return this instanceof InMemory;
    }

    default long bytes() {
        return (long) count() * ModelSignature.PIXELS;
    }

    record InMemory(byte[] array) implements Pixels {
        public InMemory {
            if (array.length % ModelSignature.PIXELS != 0) {
                throw new IllegalArgumentException(
                        array.length + " bytes are not whole images of " + ModelSignature.PIXELS + " pixels");
            }
        }

        @Override
        public int count() {
            return array.length / ModelSignature.PIXELS;
        }

        @Override
        public void copy(int from, int n, byte[] into) {
            System.arraycopy(array, from * ModelSignature.PIXELS, into, 0, n * ModelSignature.PIXELS);
        }

        @Override
        public void gather(int[] indices, int from, int n, byte[] into) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(
                        array,
                        indices[from + i] * ModelSignature.PIXELS,
                        into,
                        i * ModelSignature.PIXELS,
                        ModelSignature.PIXELS);
            }
        }
    }

    /**
     * Images in a file from byte {@code offset} on, read with positional reads: the operating system's page cache
     * keeps what is read often, and none of it counts against the process.
     */
    record OnDisk(Path file, long offset, int count) implements Pixels {
        @Override
        public void copy(int from, int n, byte[] into) {
            read(ByteBuffer.wrap(into, 0, n * ModelSignature.PIXELS), offset + (long) from * ModelSignature.PIXELS);
        }

        @Override
        public void gather(int[] indices, int from, int n, byte[] into) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                for (int i = 0; i < n; i++) {
                    ByteBuffer slot = ByteBuffer.wrap(into, i * ModelSignature.PIXELS, ModelSignature.PIXELS);
                    readFully(channel, slot, offset + (long) indices[from + i] * ModelSignature.PIXELS);
                }
            } catch (IOException e) {
                throw unreadable(e);
            }
        }

        private void read(ByteBuffer buffer, long position) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                readFully(channel, buffer, position);
            } catch (IOException e) {
                throw unreadable(e);
            }
        }

        private void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException("ends at byte " + position + ", inside image data it held when it was read");
                }
                position += n;
            }
        }

        private UncheckedIOException unreadable(IOException e) {
            return new UncheckedIOException(
                    file + ": cannot read the images it held when the dataset was read (" + e.getMessage() + ")."
                            + " Keep the dataset in place while a build trains on it",
                    e);
        }
    }

    /** Some images of another set, in the order {@code indices} gives: a view, nothing copied. */
    record Selected(Pixels base, int[] indices) implements Pixels {
        @Override
        public int count() {
            return indices.length;
        }

        @Override
        public void copy(int from, int n, byte[] into) {
            base.gather(indices, from, n, into);
        }

        @Override
        public void gather(int[] which, int from, int n, byte[] into) {
            int[] mapped = new int[n];
            for (int i = 0; i < n; i++) {
                mapped[i] = indices[which[from + i]];
            }
            base.gather(mapped, 0, n, into);
        }
    }
}
