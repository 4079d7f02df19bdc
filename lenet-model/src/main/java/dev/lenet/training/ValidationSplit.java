package dev.lenet.training;

import dev.lenet.InvalidParameterException;
import dev.lenet.contract.ModelSignature;
import dev.lenet.data.LabeledImages;
import java.util.SplittableRandom;

/** Holds a seeded, reproducible part of the training set out for validation; both parts keep the original order. */
public final class ValidationSplit {
    /** Keeps the split's random numbers apart from the weights' and the shuffles'. */
    private static final long STREAM = 0x5EED_5A11L;

    private ValidationSplit() {}

    /** The training part and the validation part, in that order. */
    public static LabeledImages[] split(LabeledImages train, int validationSize, long seed) {
        if (validationSize >= train.count()) {
            throw new InvalidParameterException(
                    "validationSize",
                    validationSize,
                    "must leave training images: use fewer than the " + train.count() + " there are");
        }
        int n = train.count();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ STREAM);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] heldOut = new boolean[n];
        for (int i = 0; i < validationSize; i++) {
            heldOut[order[i]] = true;
        }
        return new LabeledImages[] {
            select(train, heldOut, false, n - validationSize), select(train, heldOut, true, validationSize)
        };
    }

    private static LabeledImages select(LabeledImages all, boolean[] heldOut, boolean wanted, int count) {
        byte[] images = new byte[count * ModelSignature.PIXELS];
        byte[] labels = new byte[count];
        int k = 0;
        for (int i = 0; i < all.count(); i++) {
            if (heldOut[i] == wanted) {
                System.arraycopy(
                        all.images(),
                        i * ModelSignature.PIXELS,
                        images,
                        k * ModelSignature.PIXELS,
                        ModelSignature.PIXELS);
                labels[k++] = all.labels()[i];
            }
        }
        return new LabeledImages(all.imagesSource(), images, all.imagesSha256(), labels, all.labelsSha256());
    }
}
