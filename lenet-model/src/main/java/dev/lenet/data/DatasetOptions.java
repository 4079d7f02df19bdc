package dev.lenet.data;

import dev.lenet.InvalidParameterException;
import java.util.List;

/**
 * How a dataset of class folders or CSV becomes 28x28 images with labels.
 *
 * @param classes the class names in label order; empty takes them from the data, sorted
 * @param testFraction the share of each class held out for testing when the data has no test split of its own
 * @param invert true turns dark-on-light images (scans, drawings) into MNIST's light-on-dark
 * @param seed fixes which images the split holds out
 * @param maxBytes the most pixels one images file may hold ({@link DatasetBudget#maxBytes()})
 */
public record DatasetOptions(List<String> classes, double testFraction, boolean invert, long seed, long maxBytes) {
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    public DatasetOptions {
        classes = List.copyOf(classes);
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new InvalidParameterException(
                    "testFraction", testFraction, "a share between 0 and 1 (exclusive), such as 0.2");
        }
        new DatasetBudget(maxBytes, 0, null);
    }

    /** Within the default budget. */
    public DatasetOptions(List<String> classes, double testFraction, boolean invert, long seed) {
        this(classes, testFraction, invert, seed, DatasetBudget.DEFAULT_MAX_BYTES);
    }

    /** What an IDX dataset needs: nothing to convert. */
    public static DatasetOptions defaults(long seed) {
        return new DatasetOptions(List.of(), DEFAULT_TEST_FRACTION, false, seed);
    }
}
