package dev.lenet.evaluation;

import java.util.Locale;
import java.util.Optional;

/** Fails a model whose expected calibration error on the test set is above {@code maxCalibrationError}. */
public record CalibrationGate(double maxCalibrationError) {

    public CalibrationGate {
        Gates.requireFraction("maxCalibrationError", maxCalibrationError);
    }

    public boolean configured() {
        return maxCalibrationError < 1;
    }

    public Optional<String> failure(Calibration calibration) {
        return calibration.expectedError() <= maxCalibrationError
                ? Optional.empty()
                : Optional.of(String.format(
                        Locale.ROOT,
                        "LeNet expected calibration error %.4f is above the maximum %.4f",
                        calibration.expectedError(),
                        maxCalibrationError));
    }

    public String passed(Calibration calibration) {
        return String.format(
                Locale.ROOT,
                "LeNet expected calibration error %.4f meets the maximum %.4f",
                calibration.expectedError(),
                maxCalibrationError);
    }
}
