package dev.lenet.evaluation;

import dev.lenet.LeNetException;

/** The model failed a gate other than the overall accuracy and the baseline: a class, a corruption, a set, calibration. */
public final class GateException extends LeNetException {
    private final String parameter;

    public GateException(String message, String parameter) {
        super(message);
        this.parameter = parameter;
    }

    @Override
    public String parameter() {
        return parameter;
    }

    @Override
    public boolean isVerdict() {
        return true;
    }
}
