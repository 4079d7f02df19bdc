package dev.lenet.evaluation;

/**
 * How an earlier model did on the same test set as the new one.
 *
 * @param model the baseline's Maven coordinates, or its path
 * @param sha256 the baseline artifact's SHA-256, so a later build can tell whether it is still the same model
 */
public record BaselineResult(
        String model,
        String sha256,
        double testAccuracy,
        long testCorrect,
        long testImages,
        double[] perClassAccuracy) {

    public static BaselineResult of(String model, String sha256, Evaluation evaluation) {
        return new BaselineResult(
                model,
                sha256,
                evaluation.accuracy(),
                evaluation.correct(),
                evaluation.total(),
                evaluation.perClassAccuracy());
    }
}
