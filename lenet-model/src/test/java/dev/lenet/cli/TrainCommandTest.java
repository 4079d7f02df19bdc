package dev.lenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.JavaProcess;
import dev.lenet.Slow;
import dev.lenet.training.Hyperparameter;
import dev.lenet.training.Hyperparameters;
import dev.lenet.training.TinyTraining;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a person runs it, its output going to a pipe: what it prints, and what it does not. */
@Slow
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TrainCommandTest {
    @TempDir
    static Path temp;

    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = TinyTraining.writeTo(temp.resolve("data"));
    }

    /** Runs TrainCommand in its own JVM with standard output and error merged into one pipe, as `| tee log` would. */
    private static List<String> trainMain(String output, int exitStatus, String... extra) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "--dataset",
                data.toString(),
                "--epochs",
                "2",
                "--batch-size",
                "50",
                "--learning-rate",
                "0.003",
                "--schedule",
                "cosine",
                "--threads",
                "2",
                "--device",
                "cpu",
                "--output",
                temp.resolve(output).toString()));
        arguments.addAll(List.of(extra));
        return JavaProcess.run(temp.resolve(output + ".txt"), null, TrainCommand.class, arguments, exitStatus);
    }

    @Test
    void printsWhatAPersonReadsAndNoProtocolOrNativeLines() throws Exception {
        List<String> lines = trainMain("plain", 0);
        assertTrue(lines.get(0).startsWith("Dataset: "), lines.toString());
        assertTrue(lines.get(1).startsWith("Training: no earlier model at "), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Layer ")), lines.toString());
        assertEquals(
                2,
                lines.stream()
                        .filter(l -> l.matches("Epoch [12]/2 - loss .* - ETA \\d+s"))
                        .count(),
                lines.toString());
        assertTrue(lines.contains("Training ended: completed 2 epochs"), lines.toString());
        assertTrue(
                lines.get(lines.size() - 1)
                        .matches("Test accuracy [01]\\.\\d{4} \\(\\d+/300\\) after \\d+\\.\\d s of"
                                + " training; model in .*model.jar"),
                lines.toString());
        for (String line : lines) {
            assertTrue(!line.contains("@@lenet") && !line.contains(" - step "), "no progress protocol: " + line);
            assertTrue(
                    !line.contains("absl") && !line.startsWith("I0000") && !line.startsWith("[tensorflow]"),
                    "no native log line: " + line);
        }
    }

    @Test
    void showsTensorFlowsNativeLogWhenAskedFor() throws Exception {
        List<String> lines = trainMain("verbose", 0, "--verbose");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[tensorflow] ")), lines.toString());
        assertTrue(lines.contains("Training ended: completed 2 epochs"), lines.toString());
    }

    @Test
    void goesThroughTheGoalItsArtifactUpToDateCheckAndGates() throws Exception {
        Path output = temp.resolve("goal");
        String[] untrained = {"--learning-rate", "0.000001"};
        trainMain("goal", 0, untrained);
        for (String file : List.of("model.jar", "model-cyclonedx.json", "model-build.json", "metrics.json")) {
            assertTrue(Files.isRegularFile(output.resolve(file)), file);
        }
        assertTrue(Files.isRegularFile(output.resolve("saved-model").resolve("model-card.json")));

        List<String> again = trainMain("goal", 0, untrained);
        assertTrue(again.stream().anyMatch(l -> l.startsWith("LeNet model is up to date")), again.toString());
        assertTrue(
                again.get(again.size() - 1)
                        .matches("Test accuracy .*, recorded by the up-to-date model .*model.jar"
                                + " \\(--force trains again\\)"),
                again.toString());

        List<String> gated = trainMain("goal", 1, "--learning-rate", "0.000001", "--min-accuracy", "0.99");
        assertTrue(
                gated.get(gated.size() - 1)
                        .matches("failed: LeNet test accuracy [01]\\.\\d{4} is below the minimum 0\\.9900"
                                + " \\(recorded by the up-to-date model\\)"),
                gated.toString());

        List<String> forced = trainMain("goal", 1, "--learning-rate", "0.000001", "--force", "--min-accuracy", "0.99");
        assertTrue(forced.contains("Training: forced (force is true)"), forced.toString());
        assertTrue(Files.notExists(output.resolve("model.jar")), "no artifact from a failed gate");
        assertTrue(Files.isRegularFile(output.resolve("metrics.json")));
    }

    @Test
    void helpDescribesEveryHyperparameterFromTheSpecification() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(0, TrainCommand.run(new String[] {"--help"}, new PrintStream(bytes, true), Map.of()));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith("Usage: java dev.lenet.cli.TrainCommand [--dataset "), lines.get(0));
        for (Hyperparameter<?> h : Hyperparameters.ALL) {
            assertTrue(
                    lines.contains("  " + h.option() + " (default " + h.defaultText() + "): " + h.description()),
                    h.name() + " in " + lines);
        }
    }
}
