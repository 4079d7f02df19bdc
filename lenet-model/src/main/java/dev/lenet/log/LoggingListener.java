package dev.lenet.log;

import dev.lenet.model.ModelSummary;
import dev.lenet.training.DeviceChoice;
import dev.lenet.training.EpochRecord;
import dev.lenet.training.PrecisionChoice;
import dev.lenet.training.TrainingListener;
import java.util.Locale;

/** Tells a build log what training does: the model summary, the device and precision, progress within an epoch, one line per epoch. */
public final class LoggingListener implements TrainingListener {
    /** At most this often a progress line: more is flicker, and each one crosses a pipe from the child JVM. */
    private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    private final BuildLog log;
    private double secondsSoFar;
    private int epochsBeforeThisRun;
    private long lastProgress;

    public LoggingListener(BuildLog log) {
        this.log = log;
    }

    @Override
    public void started(ModelSummary summary, DeviceChoice device, PrecisionChoice precision) {
        summary.table().lines().forEach(log::info);
        log.info(device.describe());
        log.info(precision.describe());
    }

    @Override
    public void lengthFitted(String decision) {
        log.info("Training length: " + decision);
    }

    @Override
    public void readFromDisk(String how) {
        log.info("Training set: " + how);
    }

    @Override
    public void resumed(int epochsDone) {
        epochsBeforeThisRun = epochsDone;
        log.info("Resuming from the checkpoint written after epoch " + epochsDone + " (same inputs)");
    }

    @Override
    public void stepEnded(int epoch, int epochs, int step, int steps, double meanLossSoFar) {
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_INTERVAL_NANOS && step < steps) {
            lastProgress = now;
            log.progress(String.format(
                    Locale.ROOT, "Epoch %d/%d - step %d/%d - loss %.4f", epoch, epochs, step, steps, meanLossSoFar));
        }
    }

    @Override
    public void epochEnded(EpochRecord record) {
        // Only epochs timed in this run tell how long one takes: a resumed run did not time the ones before it.
        secondsSoFar += record.seconds();
        double left = secondsSoFar / (record.epoch() - epochsBeforeThisRun) * (record.epochs() - record.epoch());
        log.info(EpochLine.format(record, left));
    }
}
