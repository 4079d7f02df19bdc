package dev.lenet.evaluation;

import dev.lenet.contract.ModelSignature;
import dev.lenet.data.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/** The test set under each {@link Corruption}, seeded: the same seed corrupts every image the same way. */
public final class Robustness {
    private Robustness() {}

    /**
     * The model's accuracy on the test set under one corruption.
     *
     * @param corruption its {@link Corruption#id()}
     * @param strength what it does, in words
     */
    public record Result(String corruption, String strength, double accuracy, long correct, long total) {}

    public static List<Result> evaluate(LabeledImages test, Function<LabeledImages, Predictions> model, long seed) {
        List<Result> results = new ArrayList<>();
        for (Corruption corruption : Corruption.values()) {
            Evaluation evaluation =
                    model.apply(corrupted(test, corruption, seed)).evaluation();
            results.add(new Result(
                    corruption.id(),
                    corruption.strength(),
                    evaluation.accuracy(),
                    evaluation.correct(),
                    evaluation.total()));
        }
        return results;
    }

    /** Every image of {@code images} under {@code corruption}, drawn from a source of its own for this seed. */
    static LabeledImages corrupted(LabeledImages images, Corruption corruption, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + corruption.ordinal());
        byte[] out = new byte[images.images().length];
        byte[] one = new byte[ModelSignature.PIXELS];
        for (int i = 0; i < images.count(); i++) {
            corruption.apply(images.image(i), one, random);
            System.arraycopy(one, 0, out, i * ModelSignature.PIXELS, ModelSignature.PIXELS);
        }
        return new LabeledImages(
                images.imagesSource() + " (" + corruption.id() + ")", out, "", images.labels(), images.labelsSha256());
    }
}
