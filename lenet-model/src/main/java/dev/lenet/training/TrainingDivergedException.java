package dev.lenet.training;

import dev.lenet.LeNetException;

/** The loss became NaN or infinite: nothing after that step can be trusted. */
public final class TrainingDivergedException extends LeNetException {
    public TrainingDivergedException(String message) {
        super(message);
    }

    public TrainingDivergedException(int epoch, int step, double loss, double learningRate) {
        super("training diverged at epoch " + epoch + ", step " + step + ": the loss is " + loss
                + ". Lower the learning rate (now " + learningRate + "), e.g. to 0.001, and keep input scaling on");
    }

    @Override
    public String parameter() {
        return "learningRate";
    }
}
