package dev.lenet.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.DigitExample;
import dev.lenet.evaluation.Verdict;
import dev.lenet.export.ModelCard;
import dev.lenet.model.ModelSummary;
import dev.lenet.training.DeviceChoice;
import dev.lenet.training.EpochRecord;
import dev.lenet.training.Fingerprint;
import dev.lenet.training.StepPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a training run tells the build: the card, the gates' verdict (with the baseline's figures), the run's
 * fingerprint, the epochs and the device; the same whether forked or not.
 */
public record RunReport(
        ModelCard card,
        Verdict verdict,
        Fingerprint fingerprint,
        List<EpochRecord> epochs,
        List<StepPoint> steps,
        Checks.Seconds checkSeconds,
        DeviceChoice device,
        ModelSummary summary,
        List<DigitExample> firstDigits,
        List<DigitExample> confidentlyWrong) {
    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static RunReport of(TrainingPipeline.Outcome outcome) {
        return new RunReport(
                outcome.card(),
                outcome.verdict(),
                outcome.training().fingerprint(),
                outcome.training().epochs(),
                outcome.training().steps(),
                outcome.checkSeconds(),
                outcome.training().device(),
                outcome.training().summary(),
                outcome.firstDigits(),
                outcome.confidentlyWrong());
    }

    /** Seconds spent in training steps, all epochs. */
    public double trainingSeconds() {
        return epochs.stream().mapToDouble(EpochRecord::seconds).sum();
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this));
    }

    /**
     * Builds the reader's deserializers now (about 0.2 s in a fresh JVM), so that reading the report when training
     * ends costs milliseconds: the build's JVM calls it while the child trains.
     */
    public static void prepareReading() {
        JSON.readerFor(RunReport.class);
    }

    public static RunReport read(Path file) {
        try {
            return JSON.readValue(file.toFile(), RunReport.class);
        } catch (IOException e) {
            throw new LeNetException("cannot read the training report " + file + ": " + Causes.describe(e), e);
        }
    }
}
