package dev.lenet.evaluation;

import dev.lenet.LeNetException;

/** The model is worse than the baseline by more than the allowed drop. */
public final class BaselineGateException extends LeNetException {
    public BaselineGateException(String message) {
        super(message);
    }

    @Override
    public String parameter() {
        return "maxAccuracyDrop";
    }

    @Override
    public boolean isVerdict() {
        return true;
    }
}
