package dev.lenet.evaluation;

import dev.lenet.data.LabeledImages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Picks the digits a reviewer wants to see from a model's answers on a test set. */
public final class Examples {
    private Examples() {}

    /** The first {@code n} test digits, as the reference shows them. */
    public static List<DigitExample> first(LabeledImages test, int[] predicted, float[][] probabilities, int n) {
        List<DigitExample> examples = new ArrayList<>();
        for (int i = 0; i < Math.min(n, test.count()); i++) {
            examples.add(example(test, predicted, probabilities, i));
        }
        return examples;
    }

    /** The {@code n} wrong answers given with the highest probability, most confident first. */
    public static List<DigitExample> mostConfidentlyWrong(
            LabeledImages test, int[] predicted, float[][] probabilities, int n) {
        return IntStream.range(0, test.count())
                .filter(i -> predicted[i] != test.label(i))
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -probabilities[i][predicted[i]])
                        .thenComparing(i -> i))
                .limit(n)
                .map(i -> example(test, predicted, probabilities, i))
                .toList();
    }

    private static DigitExample example(LabeledImages test, int[] predicted, float[][] probabilities, int i) {
        return new DigitExample(i, test.label(i), predicted[i], probabilities[i][predicted[i]], test.image(i));
    }
}
