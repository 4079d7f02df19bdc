package dev.lenet.data;

import dev.lenet.contract.ModelSignature;

/**
 * A validated set of 28x28 greyscale images with class labels (one unsigned byte each); the pixels in memory or on
 * disk ({@link Pixels}).
 *
 * @param imagesSource where the images came from (a path, or {@code archive!entry})
 * @param imagesSha256 SHA-256 of the uncompressed images IDX file
 * @param labelsSha256 SHA-256 of the uncompressed labels IDX file
 */
public record LabeledImages(
        String imagesSource, Pixels pixels, String imagesSha256, byte[] labels, String labelsSha256) {

    public LabeledImages {
        if (pixels.count() != labels.length) {
            throw new IllegalArgumentException(
                    "the set holds " + pixels.count() + " images but " + labels.length + " labels");
        }
    }

    /** Images held in memory: {@code images} holds 784 bytes per label. */
    public LabeledImages(String imagesSource, byte[] images, String imagesSha256, byte[] labels, String labelsSha256) {
        this(imagesSource, new Pixels.InMemory(images), imagesSha256, labels, labelsSha256);
    }

    public int count() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index] & 0xff;
    }

    /** Every image's pixels in one array, copied from disk where they are there: for sets that fit in one. */
    public byte[] images() {
        if (pixels instanceof Pixels.InMemory memory) {
            return memory.array();
        }
        if (pixels.bytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException(imagesSource + " has " + count() + " images, more than one array holds");
        }
        byte[] all = new byte[(int) pixels.bytes()];
        pixels.copy(0, count(), all);
        return all;
    }

    /** One image's 784 pixels, copied. */
    public byte[] image(int index) {
        byte[] image = new byte[ModelSignature.PIXELS];
        pixels.copy(index, 1, image);
        return image;
    }

    /** The first {@code n} images and labels (or all when there are fewer). */
    public LabeledImages first(int n) {
        int count = Math.min(n, count());
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        return select(indices);
    }

    /**
     * The images {@code indices} names, in that order: copied when they are in memory (the set stays compact), a
     * view when they are on disk (nothing read).
     */
    public LabeledImages select(int[] indices) {
        byte[] someLabels = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            someLabels[i] = labels[indices[i]];
        }
        Pixels some;
        if (pixels.inMemory()) {
            byte[] array = new byte[indices.length * ModelSignature.PIXELS];
            pixels.gather(indices, 0, indices.length, array);
            some = new Pixels.InMemory(array);
        } else {
            some = new Pixels.Selected(pixels, indices.clone());
        }
        return new LabeledImages(imagesSource, some, imagesSha256, someLabels, labelsSha256);
    }
}
