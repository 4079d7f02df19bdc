package dev.lenet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.data.IdxWriter;
import dev.lenet.evaluation.AccuracyGate;
import dev.lenet.evaluation.BaselineGate;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.Gates;
import dev.lenet.goal.TrainGoal;
import dev.lenet.log.ListLog;
import dev.lenet.training.TinyTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report as a person sees it: rendered by headless Chromium, every chart drawn, nothing on the console. */
@Slow
class ReportInBrowserTest {
    @TempDir
    Path temp;

    @Test
    void theReportRendersEveryChartWithoutAConsoleError() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find().orElse(null);
        Assumptions.assumeTrue(
                chromium != null,
                "skipped: no Chromium to render the report in (install Debian's chromium package, or set"
                        + " LENET_CHROMIUM to a Chromium executable)");
        Path data = temp.resolve("data");
        IdxWriter.writeDataset(data, TinyTraining.DATA.train(), TinyTraining.DATA.test(), false);
        Path out = temp.resolve("lenet");
        TrainGoal.run(
                new TrainGoal.Request(
                        data,
                        temp.resolve("cache"),
                        List.of(),
                        TinyTraining.CONFIG,
                        new Gates(new AccuracyGate(0.5), new BaselineGate(1), null, null, null, null, null),
                        out,
                        out.resolve("model.jar"),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        null,
                        false,
                        null,
                        new Checks(true, 1, List.of(new Checks.EvaluationSet("again", data))),
                        null,
                        null,
                        null),
                new ListLog(new ArrayList<>()));

        HeadlessChromium.Rendering page =
                chromium.render(out.resolve("report.html"), temp.resolve("report.png"), 1200, 4400);

        assertEquals(List.of(), page.console(), "nothing written to the console");
        assertEquals(1200, page.screenshot().getWidth());
        assertTrue(page.pixels(0x1f77b4) > 300, "the training loss and accuracy curves are drawn");
        assertTrue(page.pixels(0xff7f0e) > 100, "the learning rate's curve is drawn");
        assertTrue(page.pixels(0x3b6fb6) > 2000, "the robustness and reliability bars are drawn");
        for (String chart : List.of("loss", "accuracy", "learning-rate")) {
            Matcher line = Pattern.compile("<svg id=\"" + chart + "\".*?points=\"([^\"]+)\"", Pattern.DOTALL)
                    .matcher(page.dom());
            assertTrue(line.find(), chart + " has a line");
            assertTrue(line.group(1).split(" ").length > 10, chart + " has a point every few steps");
        }
        for (String chart : List.of("robustness-chart", "reliability")) {
            String svg = page.dom().substring(page.dom().indexOf("<svg id=\"" + chart + "\""));
            assertTrue(svg.substring(0, svg.indexOf("</svg>")).contains("class=\"bar\""), chart + " has bars");
        }
        assertTrue(page.dom().contains("id=\"evaluation-sets\""), "the evaluation set's table");
        // kept for a person to look at: the build's target directory
        Files.copy(
                temp.resolve("report.png"),
                Path.of("target", "report-in-browser.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
