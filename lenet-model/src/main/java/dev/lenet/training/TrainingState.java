package dev.lenet.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Where training stands after an epoch: what the loop carries from one epoch to the next, and what a checkpoint saves.
 * The weights and Adam's moments are the runtime's; they are copied in here only to be saved ({@link #withVariables})
 * and are loaded back from a resumed checkpoint.
 *
 * @param epochsDone epochs completed
 * @param steps Adam steps taken (Adam's bias corrections and the learning-rate schedule count them)
 * @param history one record per completed epoch
 * @param best the weights of the best epoch by the validation set; null without a validation set or before one
 * @param bestScore the best epoch's score, lower is better
 * @param epochsSinceBest epochs since the best one, for early stopping
 */
public record TrainingState(
        int epochsDone,
        long steps,
        TrainedWeights weights,
        TrainedWeights firstMoments,
        TrainedWeights secondMoments,
        List<EpochRecord> history,
        TrainedWeights best,
        double bestScore,
        int bestEpoch,
        int epochsSinceBest) {

    public TrainingState {
        history = List.copyOf(history);
    }

    /** Before the first step. */
    static TrainingState start() {
        return new TrainingState(0, 0, null, null, null, List.of(), null, Double.POSITIVE_INFINITY, 0, 0);
    }

    /** After one more epoch, taken in {@code stepsNow} steps so far. */
    TrainingState after(EpochRecord epoch, long stepsNow) {
        List<EpochRecord> longer = new ArrayList<>(history);
        longer.add(epoch);
        return new TrainingState(
                epochsDone + 1,
                stepsNow,
                weights,
                firstMoments,
                secondMoments,
                longer,
                best,
                bestScore,
                bestEpoch,
                epochsSinceBest);
    }

    /** Whether {@code score} beats the best epoch so far by more than {@code minDelta} (the first always does). */
    boolean improvesOn(double score, double minDelta) {
        return best == null || score < bestScore - minDelta;
    }

    /** The epoch just completed is the best so far. */
    TrainingState withBest(TrainedWeights weightsNow, double score) {
        return new TrainingState(
                epochsDone, steps, weights, firstMoments, secondMoments, history, weightsNow, score, epochsDone, 0);
    }

    /** The epoch just completed did not improve on the best. */
    TrainingState withoutImprovement() {
        return new TrainingState(
                epochsDone,
                steps,
                weights,
                firstMoments,
                secondMoments,
                history,
                best,
                bestScore,
                bestEpoch,
                epochsSinceBest + 1);
    }

    /** With the runtime's current variables, as a checkpoint saves them. */
    TrainingState withVariables(TrainedWeights weightsNow, TrainedWeights first, TrainedWeights second) {
        return new TrainingState(
                epochsDone, steps, weightsNow, first, second, history, best, bestScore, bestEpoch, epochsSinceBest);
    }
}
