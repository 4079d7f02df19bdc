package dev.lenet.report;

import dev.lenet.evaluation.BaselineResult;
import dev.lenet.evaluation.Calibration;
import dev.lenet.evaluation.Robustness;
import dev.lenet.evaluation.SetResult;
import dev.lenet.evaluation.Verdict;
import dev.lenet.export.ModelCard;
import java.util.List;
import java.util.Locale;

/**
 * The report's sections beyond the test accuracy: every gate's answer, accuracy per class against the baseline's,
 * robustness under each corruption (table and bars), calibration (its error and a reliability diagram) and the further
 * evaluation sets. A section whose figures were not measured is left out.
 */
final class CheckSections {
    private static final int SIZE = 260;
    private static final int MARGIN = 34;

    private CheckSections() {}

    static void render(StringBuilder html, ModelCard card, Verdict verdict) {
        gates(html, verdict);
        if (verdict != null && verdict.baseline() != null) {
            againstBaseline(html, card, verdict.baseline());
        }
        if (!card.robustness().isEmpty()) {
            robustness(html, card.robustness());
        }
        if (card.calibration() != null) {
            calibration(html, card.calibration());
        }
        if (!card.evaluationSets().isEmpty()) {
            sets(html, card.evaluationSets());
        }
    }

    private static void gates(StringBuilder html, Verdict verdict) {
        html.append("<h2>Gates</h2>\n<table id=\"gates\"><tr><th>gate</th><th>verdict</th></tr>\n");
        for (Verdict.Failure failure : verdict.failures()) {
            row(html, "fail", failure.parameter(), failure.message());
        }
        for (String pass : verdict.passes()) {
            row(html, "pass", "", pass);
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String kind, String gate, String message) {
        html.append("<tr><td>")
                .append(HtmlReport.escape(gate))
                .append("</td><td class=\"")
                .append(kind)
                .append("\" style=\"text-align:left\">")
                .append(HtmlReport.escape(message))
                .append("</td></tr>\n");
    }

    private static void againstBaseline(StringBuilder html, ModelCard card, BaselineResult baseline) {
        html.append("<h2>Per class against the baseline</h2>\n<table id=\"per-class-baseline\"><tr><th>class</th>"
                + "<th>this model</th><th>baseline</th><th>change</th></tr>\n");
        for (int c = 0; c < card.classes().size() && c < baseline.perClassAccuracy().length; c++) {
            double now = card.perClassAccuracy()[c];
            double before = baseline.perClassAccuracy()[c];
            html.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td>%.4f</td><td>%.4f</td><td class=\"%s\">%+.4f</td></tr>%n",
                    HtmlReport.escape(card.classes().get(c)),
                    now,
                    before,
                    now < before ? "fail" : "pass",
                    now - before));
        }
        html.append("</table>\n");
    }

    private static void robustness(StringBuilder html, List<Robustness.Result> results) {
        html.append("<h2>Robustness</h2>\n<p>Test accuracy with every test image corrupted (seeded).</p>\n"
                + "<table id=\"robustness\"><tr><th>corruption</th><th>strength</th><th>accuracy</th></tr>\n");
        for (Robustness.Result r : results) {
            html.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td style=\"text-align:left\">%s</td><td>%.4f</td></tr>%n",
                    r.corruption(),
                    HtmlReport.escape(r.strength()),
                    r.accuracy()));
        }
        html.append("</table>\n");
        int width = 460;
        int bar = 22;
        int height = MARGIN + results.size() * (bar + 8);
        html.append(String.format(
                Locale.ROOT,
                "<svg id=\"robustness-chart\" width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\""
                        + " font-size=\"11\">%n",
                width,
                height));
        for (int i = 0; i < results.size(); i++) {
            Robustness.Result r = results.get(i);
            double length = (width - 120) * r.accuracy();
            int y = 10 + i * (bar + 8);
            html.append(String.format(
                    Locale.ROOT,
                    "<text x=\"0\" y=\"%d\">%s</text><rect class=\"bar\" x=\"70\" y=\"%d\" width=\"%.1f\""
                            + " height=\"%d\" fill=\"#3b6fb6\"/><text x=\"%.1f\" y=\"%d\">%.4f</text>%n",
                    y + 15,
                    r.corruption(),
                    y,
                    length,
                    bar,
                    75 + length,
                    y + 15,
                    r.accuracy()));
        }
        html.append("</svg>\n");
    }

    /** The error, and the reliability diagram: each bin's accuracy as a bar, the diagonal where they would match. */
    private static void calibration(StringBuilder html, Calibration calibration) {
        html.append(String.format(
                Locale.ROOT,
                "<h2>Calibration</h2>\n<p>Expected calibration error <b id=\"ece\">%.4f</b> over %d bins of"
                        + " confidence (the highest probability): how far confidence is from how often the model is"
                        + " right. Bars: accuracy per bin; line: where they would match.</p>%n",
                calibration.expectedError(),
                Calibration.BINS));
        int full = SIZE + 2 * MARGIN;
        html.append(String.format(
                Locale.ROOT,
                "<svg id=\"reliability\" width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\""
                        + " font-size=\"11\">%n<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                        + " stroke=\"#ccc\"/>%n",
                full,
                full,
                MARGIN,
                MARGIN,
                SIZE,
                SIZE));
        double width = (double) SIZE / Calibration.BINS;
        for (int b = 0; b < calibration.bins().size(); b++) {
            Calibration.Bin bin = calibration.bins().get(b);
            if (bin.count() == 0) {
                continue;
            }
            double height = SIZE * bin.accuracy();
            html.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3b6fb6\">"
                            + "<title>confidence %.2f-%.2f: %d images, accuracy %.4f</title></rect>%n",
                    MARGIN + b * width + 1,
                    MARGIN + SIZE - height,
                    width - 2,
                    height,
                    bin.lower(),
                    bin.upper(),
                    bin.count(),
                    bin.accuracy()));
        }
        html.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b00020\" stroke-dasharray=\"4\"/>%n"
                        + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">confidence</text>%n"
                        + "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">accuracy</text>%n"
                        + "</svg>%n",
                MARGIN,
                MARGIN + SIZE,
                MARGIN + SIZE,
                MARGIN,
                MARGIN + SIZE / 2,
                full - 8,
                MARGIN + SIZE / 2,
                MARGIN + SIZE / 2));
    }

    private static void sets(StringBuilder html, List<SetResult> sets) {
        html.append("<h2>Evaluation sets</h2>\n<table id=\"evaluation-sets\"><tr><th>set</th><th>images</th>"
                + "<th>accuracy</th></tr>\n");
        for (SetResult set : sets) {
            html.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%s</td><td>%d</td><td>%.4f</td></tr>%n",
                    HtmlReport.escape(set.name()),
                    set.total(),
                    set.accuracy()));
        }
        html.append("</table>\n");
    }
}
