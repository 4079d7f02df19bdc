package dev.lenet.data;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A training and a test set read from one location, and the names of their classes: label {@code i} of either set is
 * {@code classes.get(i)}.
 */
public record Dataset(String location, List<String> classes, LabeledImages train, LabeledImages test) {
    /** The classes of an IDX dataset (MNIST and its kin): labels 0-9, named by their digit. */
    public static final List<String> DIGITS =
            IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    /** From 2 classes (fewer is not a classification) up to this many: a label is one unsigned byte, as in IDX. */
    public static final int MAX_CLASSES = 256;

    public Dataset {
        classes = List.copyOf(classes);
        if (classes.size() < 2 || classes.size() > MAX_CLASSES) {
            throw new IllegalArgumentException(classes.size() + " classes: a dataset has 2 to " + MAX_CLASSES);
        }
        requireLabelsBelow(train, classes.size());
        requireLabelsBelow(test, classes.size());
    }

    /** An IDX dataset: the ten digit classes. */
    public Dataset(String location, LabeledImages train, LabeledImages test) {
        this(location, DIGITS, train, test);
    }

    public DatasetIdentity identity() {
        return new DatasetIdentity(
                classes, train.imagesSha256(), train.labelsSha256(), test.imagesSha256(), test.labelsSha256());
    }

    private static void requireLabelsBelow(LabeledImages digits, int classes) {
        for (int i = 0; i < digits.count(); i++) {
            if (digits.label(i) >= classes) {
                throw new IllegalArgumentException("label " + digits.label(i) + " of " + digits.imagesSource()
                        + " is not below the " + classes + " classes");
            }
        }
    }
}
