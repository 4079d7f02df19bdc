package dev.lenet.run;

import dev.lenet.model.ModelSummary;
import dev.lenet.training.DeviceChoice;
import dev.lenet.training.EpochRecord;
import dev.lenet.training.TrainingListener;

/** Writes the model summary, the device and one line per epoch to a build log. */
final class LoggingListener implements TrainingListener {
    static final BuildLog STANDARD_OUTPUT = new BuildLog() {
        @Override
        public void info(String message) {
            System.out.println(message);
        }

        @Override
        public void warn(String message) {
            System.out.println("WARNING: " + message);
        }

        @Override
        public void debug(String message) {
            // not shown on the command line
        }
    };

    private final BuildLog log;
    private double secondsSoFar;

    LoggingListener(BuildLog log) {
        this.log = log;
    }

    @Override
    public void started(ModelSummary summary, DeviceChoice device) {
        summary.table().lines().forEach(log::info);
        log.info(device.describe());
    }

    @Override
    public void epochEnded(EpochRecord record) {
        secondsSoFar += record.seconds();
        double left = secondsSoFar / record.epoch() * (record.epochs() - record.epoch());
        log.info(EpochLine.format(record, left));
    }
}
