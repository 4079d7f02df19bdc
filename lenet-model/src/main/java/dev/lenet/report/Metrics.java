package dev.lenet.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.Verdict;
import dev.lenet.export.ModelCard;
import dev.lenet.training.DeviceChoice;
import dev.lenet.training.EpochRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code target/lenet/metrics.json}, for CI jobs to read. Schema {@value #FORMAT}: the model card (final figures,
 * per-class accuracy, confusion matrix, hyperparameters, dataset hashes, versions), every epoch with its timing and
 * memory, the device and why, the gates' verdict (with the baseline's figures), and timings.
 */
public record Metrics(
        String format, Verdict gate, DeviceChoice device, Timings timings, List<EpochRecord> epochs, ModelCard model) {
    public static final String FORMAT = "lenet-metrics/1";

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** @param checkSeconds what the robustness evaluation and the evaluation sets took; null when nothing ran */
    public record Timings(
            double trainingSeconds, double secondsPerEpoch, double totalSeconds, Checks.Seconds checkSeconds) {}

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /** Builds the JSON writer ahead of the first write (a cold start of it takes a noticeable part of a second). */
    public static void prepareWriting() {
        JSON.writerFor(Metrics.class);
    }

    public static Metrics read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Metrics.class);
    }
}
