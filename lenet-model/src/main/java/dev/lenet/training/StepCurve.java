package dev.lenet.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the report's {@link StepPoint}s as training goes: the batches' loss and accuracy summed over a window of
 * steps, a point at the window's end and at each epoch's end, about {@value StepPoint#PER_RUN} in a run.
 */
final class StepCurve {
    private final long every;
    private final List<StepPoint> points = new ArrayList<>();
    private double loss;
    private long correct;
    private int seen;

    StepCurve(int stepsPerEpoch, int epochs) {
        this.every = Math.max(1, (long) stepsPerEpoch * epochs / StepPoint.PER_RUN);
    }

    /** One step's batch: {@code step} counted over the run, its mean loss, its correct answers, its size, its rate. */
    void add(long step, double meanLoss, long batchCorrect, int size, double rate, boolean lastOfEpoch) {
        loss += meanLoss * size;
        correct += batchCorrect;
        seen += size;
        if (step % every == 0 || lastOfEpoch) {
            points.add(new StepPoint(step, loss / seen, (double) correct / seen, rate));
            loss = 0;
            correct = 0;
            seen = 0;
        }
    }

    List<StepPoint> points() {
        return List.copyOf(points);
    }
}
