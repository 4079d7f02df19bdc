package dev.lenet.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Holds out a share of each class for testing, seeded: the same labels, share and seed hold out the same items. Each
 * class with two items or more gives at least one to the test set.
 */
final class StratifiedSplit {
    private StratifiedSplit() {}

    /** For each item (by its label), true when it goes to the test set. */
    static boolean[] testItems(int[] labels, int classes, double testFraction, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        boolean[] test = new boolean[labels.length];
        for (List<Integer> items : byClass) {
            Collections.shuffle(items, random);
            int held = items.size() < 2 ? 0 : (int) Math.max(1, Math.round(items.size() * testFraction));
            for (int k = 0; k < held; k++) {
                test[items.get(k)] = true;
            }
        }
        return test;
    }
}
