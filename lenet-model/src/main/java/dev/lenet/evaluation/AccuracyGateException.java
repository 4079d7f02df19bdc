package dev.lenet.evaluation;

import dev.lenet.LeNetException;

/** The model is worse than the gate allows. */
public final class AccuracyGateException extends LeNetException {
    private final double accuracy;
    private final double minimum;

    public AccuracyGateException(String message, double accuracy, double minimum) {
        super(message);
        this.accuracy = accuracy;
        this.minimum = minimum;
    }

    public double accuracy() {
        return accuracy;
    }

    public double minimum() {
        return minimum;
    }

    @Override
    public String parameter() {
        return "minAccuracy";
    }

    @Override
    public boolean isVerdict() {
        return true;
    }
}
