package dev.lenet.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.log.ListLog;
import dev.lenet.training.TinyTraining;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed with SIGKILL leaves nothing a later build takes for a good model, its child JVM does not train on
 * for nobody, and the next build recovers by itself.
 */
@Slow
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SigkillRecoveryTest {
    @TempDir
    static Path temp;

    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = TinyTraining.writeTo(temp.resolve("data"));
    }

    /** Starts a build, kills it (SIGKILL) when a line matching {@code killAt} appears, and returns its children. */
    private static List<ProcessHandle> killBuildAt(Path output, int epochs, String killAt) throws Exception {
        Process build = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KillableBuild.class.getName(),
                        data.toString(),
                        output.toString(),
                        Integer.toString(epochs))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.matches(killAt)) {
                // wait for the moment to kill
            }
            List<ProcessHandle> children = build.descendants().toList();
            build.destroyForcibly();
            build.waitFor(10, TimeUnit.SECONDS);
            return children;
        }
    }

    /** The build after a killed one, in this JVM, as the killed one was configured. */
    private static TrainGoal.Result nextBuild(Path output) {
        return TrainGoal.run(
                new TrainGoal.Request(
                        data,
                        null,
                        List.of(),
                        TinyTraining.CONFIG.toBuilder().epochs(1).build(),
                        0.5,
                        output,
                        output.resolve("model.jar"),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        null,
                        false),
                new ListLog(new java.util.ArrayList<>()));
    }

    private static void assertNoGoodModelLeftAndTheNextBuildRecovers(Path output, List<ProcessHandle> children)
            throws IOException {
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(15, TimeUnit.SECONDS).join();
            assertTrue(!child.isAlive(), "the child JVM ends with its build");
        }
        assertTrue(Files.notExists(output.resolve("model.jar")), "no artifact from a killed build");
        TrainGoal.Result next = nextBuild(output);
        assertTrue(next.trained());
        assertTrue(Files.isRegularFile(output.resolve("model.jar")));
        assertTrue(Files.isRegularFile(output.resolve("saved-model").resolve("saved_model.pb")));
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(
                    List.of(),
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith("."))
                            .toList(),
                    "no staging or partial files left beside the outputs");
        }
    }

    @Test
    void killedDuringTraining() throws Exception {
        Path output = temp.resolve("during-training");
        List<ProcessHandle> children = killBuildAt(output, 50, "Epoch 2/50 .*");
        assertEquals(1, children.size(), "one child JVM was running");
        assertNoGoodModelLeftAndTheNextBuildRecovers(output, children);
    }

    @Test
    void killedAsExportStarts() throws Exception {
        Path output = temp.resolve("during-export");
        List<ProcessHandle> children = killBuildAt(output, 2, "Epoch 2/2 .*");
        assertNoGoodModelLeftAndTheNextBuildRecovers(output, children);
    }

    @Test
    void killedAfterAGoodModelTheNextBuildFindsItUpToDate() throws Exception {
        Path output = temp.resolve("after");
        killBuildAt(output, 1, "Model artifact: .*");
        // the artifact was moved into place before the kill: it is whole, and the next build can take it
        TrainGoal.Result next = nextBuild(output);
        assertTrue(!next.trained(), "the model written before the kill is intact and up to date");
    }
}
