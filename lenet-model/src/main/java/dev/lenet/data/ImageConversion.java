package dev.lenet.data;

import dev.lenet.contract.Causes;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Any picture to the network's input, 28x28 one-byte grey, 0 = background, in three documented steps:
 *
 * <ol>
 *   <li>grey: a grey image's own samples (scaled to 0-255; Java's conversion to RGB would brighten them); any other
 *       image's luma Y = 0.299 R + 0.587 G + 0.114 B of its stored sRGB values (ITU-R BT.601), with transparent parts
 *       laid over the background;
 *   <li>size: area averaging to 28x28 (each output pixel is the mean of the part of the picture it covers, so no
 *       detail is skipped when shrinking), stretching to a square;
 *   <li>polarity: with {@code invert}, 255 - value, for dark ink on light paper (MNIST is light on dark); the
 *       background transparency is laid over is then white.
 * </ol>
 */
public final class ImageConversion {
    public static final int SIDE = 28;

    /** Pictures larger than this are refused before they are decoded: a crafted header cannot claim gigabytes. */
    static final long MAX_PIXELS = 4096L * 4096L;

    static final String FORMATS = "PNG, JPEG, BMP or GIF";

    private ImageConversion() {}

    /** What decoding holds per pixel at its peak: the decoder's rows, the ARGB raster, the grey copy. */
    static final long BYTES_PER_PIXEL = 16;

    /**
     * Memory for decoding, in MiB, shared by the threads that decode: a large picture waits until its share is free
     * (one larger than all of it decodes alone), so many large pictures on many cores do not exhaust the heap.
     */
    record DecodeBudget(Semaphore mebibytes, int total) {
        static DecodeBudget ofHeap() {
            int total = (int) Math.max(
                    64, Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 2 >> 20));
            return new DecodeBudget(new Semaphore(total, true), total);
        }

        /** The MiB a picture of {@code pixels} takes from the budget. */
        int share(long pixels) {
            return (int) Math.min(total, Math.max(1, pixels * BYTES_PER_PIXEL >> 20));
        }
    }

    /** Reads and converts one image file; any problem is an {@link InvalidDatasetException} naming it. */
    public static byte[] read(Path file, boolean invert) {
        return read(file, invert, DecodeBudget.ofHeap());
    }

    static byte[] read(Path file, boolean invert, DecodeBudget budget) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw notAnImage(file, null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new InvalidDatasetException(
                            file.toString(),
                            "is " + reader.getWidth(0) + "x" + reader.getHeight(0) + " pixels, more than " + MAX_PIXELS
                                    + " (4096x4096)",
                            "LeNet sees 28x28: scale the image down first");
                }
                int share = budget.share(pixels);
                budget.mebibytes().acquireUninterruptibly(share);
                try {
                    return convert(reader.read(0), invert);
                } catch (OutOfMemoryError e) {
                    throw new InvalidDatasetException(
                            file.toString(),
                            "cannot be decoded in the memory left (" + reader.getWidth(0) + "x" + reader.getHeight(0)
                                    + " pixels; the heap is "
                                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)",
                            "Give the build's JVM more heap (MAVEN_OPTS=-Xmx4g), or scale the images down",
                            e);
                } finally {
                    budget.mebibytes().release(share);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidDatasetException invalid) {
                throw invalid;
            }
            throw notAnImage(file, e);
        }
    }

    /** Images decoded at once, then handed on in order: what bounds the memory of converting any number. */
    static final int CHUNK = 4096;

    /** Takes the converted images in the order of the files. */
    @FunctionalInterface
    public interface Sink {
        void accept(byte[] image) throws IOException;
    }

    /**
     * Reads and converts every file on all cores (within a memory budget), a chunk at a time, handing each image to
     * {@code sink} in the files' order; says how far it got every two seconds, and in the end how long it took.
     * Memory holds one chunk, whatever the number of files.
     */
    public static void convertAll(List<Path> files, boolean invert, Sink sink, Consumer<String> log)
            throws IOException {
        convertAll(files, invert, sink, log, CHUNK);
    }

    static void convertAll(List<Path> files, boolean invert, Sink sink, Consumer<String> log, int chunkSize)
            throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        DecodeBudget budget = DecodeBudget.ofHeap();
        Progress progress = new Progress("Decoding images", files.size(), log);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (int start = 0; start < files.size(); start += chunkSize) {
                int from = start;
                byte[][] chunk = new byte[Math.min(chunkSize, files.size() - start)][];
                pool.submit(() -> IntStream.range(0, chunk.length).parallel().forEach(i -> {
                            chunk[i] = read(files.get(from + i), invert, budget);
                            progress.add(1);
                        }))
                        .get();
                for (byte[] image : chunk) {
                    sink.accept(image);
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding images", e);
        } finally {
            pool.shutdownNow();
        }
        log.accept(String.format(
                Locale.ROOT,
                "Decoded %,d images in %.1f s, %,.0f images/s (%d threads)",
                files.size(),
                progress.seconds(),
                progress.rate(),
                threads));
    }

    private static InvalidDatasetException notAnImage(Path file, Exception cause) {
        return new InvalidDatasetException(
                file.toString(),
                "is not an image ImageIO can read (" + FORMATS + ")"
                        + (cause == null ? "" : ": " + Causes.describe(cause).replaceAll("\\.+$", "")),
                "Convert it to " + FORMATS + ", or move it out of the dataset",
                cause);
    }

    /** The three steps on a decoded picture. */
    public static byte[] convert(BufferedImage picture, boolean invert) {
        double[] grey = grey(picture, invert ? 255 : 0);
        double[] small = resize(grey, picture.getWidth(), picture.getHeight());
        byte[] pixels = new byte[SIDE * SIDE];
        for (int i = 0; i < pixels.length; i++) {
            int v = (int) Math.round(Math.max(0, Math.min(255, small[i])));
            pixels[i] = (byte) (invert ? 255 - v : v);
        }
        return pixels;
    }

    /** Grey values 0-255 in row-major order; transparency laid over {@code background}. */
    static double[] grey(BufferedImage picture, int background) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        double[] grey = new double[width * height];
        Raster raster = picture.getRaster();
        boolean greyImage = picture.getColorModel().getColorSpace().getNumComponents() == 1
                && picture.getColorModel().getPixelSize() >= 1
                && picture.getColorModel().getNumColorComponents() == 1
                && !(picture.getColorModel() instanceof java.awt.image.IndexColorModel);
        if (greyImage) {
            double scale = 255.0 / ((1 << raster.getSampleModel().getSampleSize(0)) - 1);
            boolean alpha = raster.getNumBands() > 1;
            double alphaScale = alpha ? 1.0 / ((1 << raster.getSampleModel().getSampleSize(1)) - 1) : 1;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double value = raster.getSample(x, y, 0) * scale;
                    double a = alpha ? raster.getSample(x, y, 1) * alphaScale : 1;
                    grey[y * width + x] = a * value + (1 - a) * background;
                }
            }
            return grey;
        }
        int[] argb = picture.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            double a = (p >>> 24) / 255.0;
            double luma = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            grey[i] = a * luma + (1 - a) * background;
        }
        return grey;
    }

    /** Area averaging from width x height to 28x28: per axis, each output cell averages the input span it covers. */
    static double[] resize(double[] grey, int width, int height) {
        double[] columns = new double[height * SIDE];
        for (int y = 0; y < height; y++) {
            resample(grey, y * width, 1, width, columns, y * SIDE, 1);
        }
        double[] result = new double[SIDE * SIDE];
        for (int x = 0; x < SIDE; x++) {
            resample(columns, x, SIDE, height, result, x, SIDE);
        }
        return result;
    }

    /** One line of {@code n} values (from {@code in} at offset, stride) to 28 (into {@code out} at offset, stride). */
    private static void resample(
            double[] in, int inOffset, int inStride, int n, double[] out, int outOffset, int outStride) {
        double span = (double) n / SIDE;
        for (int o = 0; o < SIDE; o++) {
            double start = o * span;
            double end = start + span;
            double sum = 0;
            for (int i = (int) Math.floor(start); i < Math.min(n, (int) Math.ceil(end)); i++) {
                double overlap = Math.min(end, i + 1) - Math.max(start, i);
                sum += overlap * in[inOffset + i * inStride];
            }
            out[outOffset + o * outStride] = sum / span;
        }
    }
}
