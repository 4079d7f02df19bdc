package dev.lenet.evaluation;

/**
 * How the model did on one of the further evaluation sets a build names: every image of the set.
 *
 * @param name the set's name in the build's configuration
 * @param location where its images came from
 */
public record SetResult(
        String name, String location, double accuracy, long correct, long total, double[] perClassAccuracy) {

    public static SetResult of(String name, String location, Evaluation evaluation) {
        return new SetResult(
                name,
                location,
                evaluation.accuracy(),
                evaluation.correct(),
                evaluation.total(),
                evaluation.perClassAccuracy());
    }
}
