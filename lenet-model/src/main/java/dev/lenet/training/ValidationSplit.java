package dev.lenet.training;

import dev.lenet.InvalidParameterException;
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
        return new LabeledImages[] {train.select(kept(heldOut, false)), train.select(kept(heldOut, true))};
    }

    /** The indices whose held-out flag is {@code wanted}, in the original order. */
    private static int[] kept(boolean[] heldOut, boolean wanted) {
        int count = 0;
        for (boolean h : heldOut) {
            count += h == wanted ? 1 : 0;
        }
        int[] indices = new int[count];
        int k = 0;
        for (int i = 0; i < heldOut.length; i++) {
            if (heldOut[i] == wanted) {
                indices[k++] = i;
            }
        }
        return indices;
    }
}
