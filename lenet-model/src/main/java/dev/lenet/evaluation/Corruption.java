package dev.lenet.evaluation;

import dev.lenet.contract.ModelSignature;
import java.util.SplittableRandom;

/**
 * A change an image may meet in an application that MNIST's centred digits never show, at one documented strength.
 * Each draws what it needs from the random source it is given, so a seed fixes every corrupted image.
 */
public enum Corruption {
    SHIFT("shift", "moved 3 pixels in one of the 8 directions, at random") {
        @Override
        void apply(byte[] image, byte[] out, SplittableRandom random) {
            int direction = random.nextInt(8);
            int dx = DX[direction] * 3;
            int dy = DY[direction] * 3;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int fromX = x - dx;
                    int fromY = y - dy;
                    boolean inside = fromX >= 0 && fromX < SIDE && fromY >= 0 && fromY < SIDE;
                    out[y * SIDE + x] = inside ? image[fromY * SIDE + fromX] : 0;
                }
            }
        }
    },
    ROTATION("rotation", "turned 20 degrees about the centre, either way at random, sampled bilinearly") {
        @Override
        void apply(byte[] image, byte[] out, SplittableRandom random) {
            double angle = Math.toRadians(random.nextBoolean() ? 20 : -20);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double centre = (SIDE - 1) / 2.0;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    // where this output pixel is read from: the inverse turn
                    double fromX = cos * (x - centre) + sin * (y - centre) + centre;
                    double fromY = -sin * (x - centre) + cos * (y - centre) + centre;
                    out[y * SIDE + x] = (byte) Math.round(bilinear(image, fromX, fromY));
                }
            }
        }
    },
    NOISE(
            "noise",
            "Gaussian noise of standard deviation 51 (a fifth of the pixel range) added to every pixel, clipped") {
        @Override
        void apply(byte[] image, byte[] out, SplittableRandom random) {
            for (int i = 0; i < image.length; i++) {
                double value = (image[i] & 0xff) + 51 * gaussian(random);
                out[i] = (byte) Math.round(Math.max(0, Math.min(255, value)));
            }
        }
    },
    BLUR("blur", "Gaussian blur of sigma 1 pixel (a 5 x 5 kernel)") {
        @Override
        void apply(byte[] image, byte[] out, SplittableRandom random) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double sum = 0;
                    double weights = 0;
                    for (int ky = -2; ky <= 2; ky++) {
                        for (int kx = -2; kx <= 2; kx++) {
                            double w = KERNEL[ky + 2] * KERNEL[kx + 2];
                            weights += w;
                            sum += w * pixel(image, x + kx, y + ky);
                        }
                    }
                    out[y * SIDE + x] = (byte) Math.round(sum / weights);
                }
            }
        }
    };

    private static final int SIDE = ModelSignature.COLUMNS;
    private static final int[] DX = {1, 1, 0, -1, -1, -1, 0, 1};
    private static final int[] DY = {0, 1, 1, 1, 0, -1, -1, -1};
    private static final double[] KERNEL = {Math.exp(-2), Math.exp(-0.5), 1, Math.exp(-0.5), Math.exp(-2)};

    private final String id;
    private final String strength;

    Corruption(String id, String strength) {
        this.id = id;
        this.strength = strength;
    }

    /** How the reports and the card name it. */
    public String id() {
        return id;
    }

    /** What it does, and how strongly, in words. */
    public String strength() {
        return strength;
    }

    /** Writes the corrupted {@code image} (784 pixels) into {@code out}. */
    abstract void apply(byte[] image, byte[] out, SplittableRandom random);

    private static double pixel(byte[] image, int x, int y) {
        return x < 0 || x >= SIDE || y < 0 || y >= SIDE ? 0 : image[y * SIDE + x] & 0xff;
    }

    private static double bilinear(byte[] image, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fy) * ((1 - fx) * pixel(image, x0, y0) + fx * pixel(image, x0 + 1, y0))
                + fy * ((1 - fx) * pixel(image, x0, y0 + 1) + fx * pixel(image, x0 + 1, y0 + 1));
    }

    /** A standard normal draw (Box-Muller), from the given source only, so it repeats with its seed. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
