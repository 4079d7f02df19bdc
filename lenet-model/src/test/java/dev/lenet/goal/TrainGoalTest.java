package dev.lenet.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.data.IdxWriter;
import dev.lenet.evaluation.AccuracyGateException;
import dev.lenet.log.BuildLog;
import dev.lenet.log.ListLog;
import dev.lenet.report.Metrics;
import dev.lenet.training.EpochRecord;
import dev.lenet.training.Stopping;
import dev.lenet.training.TinyTraining;
import dev.lenet.training.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole goal without Maven: metrics, report and TensorBoard files agree with the run that wrote them. */
@Slow
class TrainGoalTest {
    @TempDir
    static Path temp;

    static Path data;
    static Path output;
    static TrainGoal.Result result;
    static final List<String> log = new ArrayList<>();
    static List<String> firstBuildLog;

    static final BuildLog LOG = new ListLog(log);

    static TrainGoal.Request request(Path out, double minAccuracy, int epochs) {
        return new TrainGoal.Request(
                data,
                null,
                List.of(),
                TinyTraining.CONFIG.toBuilder().epochs(epochs).build(),
                minAccuracy,
                out,
                out.resolve("model.jar"),
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                false);
    }

    @BeforeAll
    static void build() throws IOException {
        data = temp.resolve("data");
        IdxWriter.writeDataset(data, TinyTraining.DATA.train(), TinyTraining.DATA.test(), true);
        output = temp.resolve("lenet");
        result = TrainGoal.run(request(output, 0.5, 3), LOG);
        firstBuildLog = List.copyOf(log);
    }

    @Test
    void metricsJsonHoldsTheRunsFigures() throws IOException {
        Metrics metrics = Metrics.read(output.resolve("metrics.json"));
        assertEquals("lenet-metrics/1", metrics.format());
        assertEquals(result.report().epochs(), metrics.epochs());
        assertEquals(result.report().card().testAccuracy(), metrics.model().testAccuracy());
        assertEquals(metrics.epochs().get(2).testAccuracy(), metrics.model().testAccuracy(), 1e-12);
        assertTrue(metrics.gate().passed());
        assertEquals(0.5, metrics.gate().minAccuracy());
        assertEquals(result.gate(), metrics.gate().message());
        assertEquals(
                metrics.epochs().stream().mapToDouble(EpochRecord::seconds).sum(),
                metrics.timings().trainingSeconds(),
                1e-9);
        assertEquals(3, metrics.model().hyperparameters().get("epochs"));
        assertEquals("cpu", metrics.model().device());
        assertFalse(metrics.device().gpu());
        long[][] confusion = metrics.model().confusionMatrix();
        long total = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                total += v;
            }
        }
        assertEquals(300, total);
        assertTrue(metrics.epochs().stream().allMatch(e -> e.residentBytes() > 0), "memory per epoch is recorded");
    }

    @Test
    void theReportShowsTheRunsDigitsCurvesAndMatrix() throws IOException {
        String html = Files.readString(output.resolve("report.html"));
        Metrics metrics = Metrics.read(output.resolve("metrics.json"));
        assertFalse(html.contains("http://") && html.matches("(?s).*(src|href)=\"http.*"), "no external assets");
        assertFalse(html.contains("<script"), "no scripts");

        Matcher first = Pattern.compile("<div class=\"digit( wrong)?\" data-index=\"(\\d+)\" data-label=\"(\\d)\" "
                        + "data-predicted=\"(\\d)\"><img alt=\"test digit \\d+\" src=\"data:image/png;base64,")
                .matcher(html.substring(html.indexOf("id=\"first\""), html.indexOf("id=\"confusion\"")));
        int digits = 0;
        while (first.find()) {
            assertEquals(digits, Integer.parseInt(first.group(2)));
            assertEquals(TinyTraining.DATA.test().label(digits), Integer.parseInt(first.group(3)));
            assertEquals(first.group(1) != null, !first.group(3).equals(first.group(4)), "wrong ones marked");
            digits++;
        }
        assertEquals(20, digits);

        // 3 epochs of 1,200 images in batches of 50: 72 steps, fewer than a run's points, so a point a step
        Matcher series = Pattern.compile("data-series=\"(train loss|train|learning rate)\" points=\"([^\"]+)\"")
                .matcher(html);
        int curves = 0;
        while (series.find()) {
            String[] points = series.group(2).split(" ");
            assertEquals(72, points.length, series.group(1) + ": one point per step");
            curves++;
        }
        assertEquals(3, curves, "loss, accuracy and learning rate by step");
        assertTrue(html.contains("id=\"reliability\""), "the calibration is always shown");

        long[][] confusion = metrics.model().confusionMatrix();
        String table = html.substring(
                html.indexOf("id=\"confusion\""), html.indexOf("</table>", html.indexOf("id=\"confusion\"")));
        Matcher cells = Pattern.compile("<td style=\"[^\"]*\">(\\d+)</td>").matcher(table);
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
                assertTrue(cells.find());
                assertEquals(confusion[r][c], Long.parseLong(cells.group(1)), "cell " + r + "," + c);
            }
        }
        assertTrue(html.contains(String.format(
                java.util.Locale.ROOT,
                "Test accuracy <b>%.4f</b>",
                metrics.model().testAccuracy())));
        assertTrue(
                firstBuildLog.contains(
                        "Report: " + output.resolve("report.html").toUri()),
                firstBuildLog.toString());
    }

    @Test
    void tensorBoardEventFilesAreWritten() throws IOException {
        try (Stream<Path> files = Files.list(output.resolve("tensorboard"))) {
            List<Path> events = files.filter(f -> f.getFileName().toString().startsWith("events.out.tfevents"))
                    .toList();
            assertEquals(1, events.size());
            byte[] content = Files.readAllBytes(events.get(0));
            String text = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(text.contains("accuracy/test") && text.contains("loss"), "scalar tags present");
        }
    }

    @Test
    void aFailedGateStillLeavesMetricsAndReportButNoArtifact() throws IOException {
        Path out = temp.resolve("failing");
        Files.createDirectories(out);
        Files.writeString(out.resolve("model-cyclonedx.json"), "{} from an earlier build");
        AccuracyGateException e =
                assertThrows(AccuracyGateException.class, () -> TrainGoal.run(request(out, 1.0, 1), LOG));
        assertTrue(
                e.getMessage().matches("LeNet test accuracy 0\\.\\d{4} is below the minimum 1\\.0000"), e.getMessage());
        Metrics metrics = Metrics.read(out.resolve("metrics.json"));
        assertFalse(metrics.gate().passed());
        assertEquals(e.getMessage(), metrics.gate().message());
        assertTrue(Files.exists(out.resolve("report.html")));
        assertTrue(Files.notExists(out.resolve("model.jar")));
        assertTrue(Files.notExists(out.resolve("model-cyclonedx.json")), "no ML-BOM of an earlier model left beside");
    }

    @Test
    void anUnchangedBuildTrainsNothingButStillGates() throws IOException {
        Path out = temp.resolve("again");
        TrainGoal.Result first = TrainGoal.run(request(out, 0.5, 1), LOG);
        assertTrue(first.trained());
        byte[] jar = Files.readAllBytes(out.resolve("model.jar"));
        log.clear();
        TrainGoal.Result second = TrainGoal.run(request(out, 0.5, 1), LOG);
        assertFalse(second.trained());
        assertEquals(first.card().testAccuracy(), second.card().testAccuracy());
        assertTrue(
                java.util.Arrays.equals(jar, Files.readAllBytes(out.resolve("model.jar"))),
                "the artifact is untouched");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("LeNet model is up to date")), log.toString());

        AccuracyGateException e =
                assertThrows(AccuracyGateException.class, () -> TrainGoal.run(request(out, 1.0, 1), LOG));
        assertTrue(
                e.getMessage().endsWith(" is below the minimum 1.0000 (recorded by the up-to-date model)"),
                e.getMessage());
    }

    @Test
    void aDamagedArtifactOrForceTrainsAgain() throws IOException {
        Path out = temp.resolve("damaged");
        TrainGoal.run(request(out, 0.5, 1), LOG);
        Path jar = out.resolve("model.jar");
        byte[] bytes = Files.readAllBytes(jar);
        Files.write(jar, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        log.clear();
        assertTrue(TrainGoal.run(request(out, 0.5, 1), LOG).trained());
        assertTrue(
                log.stream().anyMatch(l -> l.startsWith("Training: the earlier model " + jar + " is not intact")),
                log.toString());

        TrainGoal.Request forced = new TrainGoal.Request(
                data,
                null,
                List.of(),
                TinyTraining.CONFIG.toBuilder().epochs(1).build(),
                0.5,
                out,
                jar,
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                true);
        log.clear();
        assertTrue(TrainGoal.run(forced, LOG).trained());
        assertTrue(log.contains("Training: forced (force is true)"), log.toString());
    }

    /** The child JVM starts before the up-to-date decision only where that decision cannot spare it. */
    @Test
    void theChildStartsEarlyOnlyForABuildThatWillTrain() {
        assertFalse(TrainGoal.willTrain(request(output, 0.5, 3)), "an earlier model and record may be up to date");
        assertTrue(TrainGoal.willTrain(request(temp.resolve("never-built"), 0.5, 3)), "no earlier model");
        TrainGoal.Request forced = new TrainGoal.Request(
                data,
                null,
                List.of(),
                TinyTraining.CONFIG,
                0.5,
                output,
                output.resolve("model.jar"),
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                true);
        assertTrue(TrainGoal.willTrain(forced), "forced");
    }

    @Test
    void anotherTimestampOrSeedTrainsAgainAndSaysWhy() {
        Path out = temp.resolve("changes");
        TrainGoal.run(request(out, 0.5, 1), LOG);
        TrainGoal.Request reseeded = new TrainGoal.Request(
                data,
                null,
                List.of(),
                TinyTraining.CONFIG.toBuilder().epochs(1).seed(7).build(),
                0.5,
                out,
                out.resolve("model.jar"),
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                false);
        log.clear();
        assertTrue(TrainGoal.run(reseeded, LOG).trained());
        assertTrue(log.contains("Training: seed changed from 42 to 7"), log.toString());
    }

    private static TrainGoal.Request budgeted(Path out, String budget) {
        TrainingConfig config = TinyTraining.CONFIG.toBuilder()
                .epochs(200)
                .stopping(new Stopping(0, null, 0, 0, Stopping.parseDuration(budget)))
                .build();
        return new TrainGoal.Request(
                data,
                null,
                List.of(),
                config,
                0.0,
                out,
                out.resolve("model.jar"),
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                false);
    }

    @Test
    void aModelCutByItsBudgetIsUpToDateOnlyForABudgetNoLarger() {
        Path out = temp.resolve("budget");
        TrainGoal.Result cut = TrainGoal.run(budgeted(out, "300ms"), LOG);
        assertTrue(
                cut.card().stopping().cutByTimeBudget(), cut.card().stopping().stopReason());
        assertEquals("PT0.3S", cut.card().stopping().maxTrainingTime());
        log.clear();
        assertTrue(!TrainGoal.run(budgeted(out, "300ms"), LOG).trained(), "the same budget: up to date");
        log.clear();
        assertTrue(TrainGoal.run(budgeted(out, "600ms"), LOG).trained());
        assertTrue(
                log.contains("Training: the earlier model was cut short by its time budget of PT0.3S, and this build"
                        + " allows a larger one (PT0.6S)"),
                log.toString());
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedIsAClearError() throws IOException {
        Path blocker = Files.writeString(temp.resolve("a-file"), "not a directory");
        dev.lenet.LeNetException e = assertThrows(
                dev.lenet.LeNetException.class, () -> TrainGoal.run(request(blocker.resolve("lenet"), 0.5, 1), LOG));
        assertTrue(e.getMessage().contains(blocker.resolve("lenet").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Check that the directory is writable"), e.getMessage());
    }
}
