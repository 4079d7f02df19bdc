package dev.lenet.data;

import dev.lenet.contract.ModelSignature;

/**
 * A validated set of 28x28 greyscale images with class labels (digits, shapes, any classes) (one unsigned byte each), images stored row-major, one
 * byte per pixel.
 *
 * @param imagesSource where the images came from (a path, or {@code archive!entry})
 * @param imagesSha256 SHA-256 of the uncompressed images IDX file
 * @param labelsSha256 SHA-256 of the uncompressed labels IDX file
 */
public record LabeledImages(
        String imagesSource, byte[] images, String imagesSha256, byte[] labels, String labelsSha256) {

    public LabeledImages {
        if (images.length != labels.length * ModelSignature.PIXELS) {
            throw new IllegalArgumentException("images hold " + images.length + " bytes, labels " + labels.length
                    + ": not " + ModelSignature.PIXELS + " pixels per label");
        }
    }

    public int count() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index] & 0xff;
    }

    /** One image's 784 pixels, copied. */
    public byte[] image(int index) {
        byte[] image = new byte[ModelSignature.PIXELS];
        System.arraycopy(images, index * ModelSignature.PIXELS, image, 0, ModelSignature.PIXELS);
        return image;
    }

    /** The first {@code n} images and labels (or all when there are fewer). */
    public LabeledImages first(int n) {
        int count = Math.min(n, count());
        byte[] someImages = new byte[count * ModelSignature.PIXELS];
        byte[] someLabels = new byte[count];
        System.arraycopy(images, 0, someImages, 0, someImages.length);
        System.arraycopy(labels, 0, someLabels, 0, count);
        return new LabeledImages(imagesSource, someImages, imagesSha256, someLabels, labelsSha256);
    }
}
