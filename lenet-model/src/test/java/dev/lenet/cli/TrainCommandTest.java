package dev.lenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.JavaProcess;
import dev.lenet.Slow;
import dev.lenet.training.TinyTraining;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    private static List<String> trainMain(String... extra) throws Exception {
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
                temp.resolve("model").toString()));
        arguments.addAll(List.of(extra));
        return JavaProcess.run(temp.resolve("output.txt"), null, TrainCommand.class, arguments);
    }

    @Test
    void printsWhatAPersonReadsAndNoProtocolOrNativeLines() throws Exception {
        List<String> lines = trainMain();
        assertTrue(lines.get(0).startsWith("Layer "), lines.toString());
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
                                + " training; SavedModel in .*"),
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
        List<String> lines = trainMain("--verbose");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[tensorflow] ")), lines.toString());
        assertTrue(lines.contains("Training ended: completed 2 epochs"), lines.toString());
    }
}
