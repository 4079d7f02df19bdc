package dev.lenet.report;

import dev.lenet.contract.ModelSignature;
import dev.lenet.evaluation.BaselineResult;
import dev.lenet.evaluation.DigitExample;
import dev.lenet.evaluation.Verdict;
import dev.lenet.export.ModelCard;
import dev.lenet.model.ModelSummary;
import dev.lenet.training.DeviceChoice;
import dev.lenet.training.EpochRecord;
import dev.lenet.training.StepPoint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * One self-contained HTML page about a trained model: no scripts, no network, no external files. Curves are inline
 * SVG, digits inline PNG.
 */
public final class HtmlReport {
    /** Everything the page shows. */
    public record Content(
            ModelCard card,
            ModelSummary summary,
            List<EpochRecord> epochs,
            List<StepPoint> steps,
            DeviceChoice device,
            Verdict gate,
            List<DigitExample> firstDigits,
            List<DigitExample> confidentlyWrong) {}

    private HtmlReport() {}

    private static final String HEAD = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>LeNet-5 training report</title>\n"
            + "<style>body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}"
            + "h1{margin:0 0 4px}h2{margin:28px 0 8px;border-bottom:1px solid #ddd}"
            + "table{border-collapse:collapse}td,th{padding:3px 8px;border:1px solid #ddd;text-align:right}"
            + "th{background:#f4f4f4}.pass{color:#17702a;font-weight:bold}.fail{color:#b00020;font-weight:bold}"
            + ".digits{display:flex;flex-wrap:wrap;gap:10px}.digit{text-align:center;font-size:12px}"
            + ".digit img{width:56px;height:56px;image-rendering:pixelated;border:2px solid #ccc;display:block}"
            + ".digit.wrong img{border-color:#b00020}.digit.wrong{color:#b00020}"
            + ".heat td{width:34px;text-align:center}.charts{display:flex;gap:24px;flex-wrap:wrap}</style>\n"
            + "</head><body>\n";

    /** Loads ImageIO's registry and PNG writer, which the first digit otherwise waits for (about 0.1 s). */
    public static void prepare() {
        png(new byte[ModelSignature.PIXELS]);
    }

    public static String render(Content c) {
        StringBuilder html = new StringBuilder(64_000).append(HEAD);
        ModelCard card = c.card();
        headline(html, c);
        model(html, c.summary());
        training(html, c);
        html.append("<h2>The first 20 test digits</h2>\n<p>Predicted class (true class); wrong answers in red.</p>\n");
        html.append(digits("first", c.firstDigits(), card.classes()));
        html.append(
                "<h2>Confusion matrix</h2>\n<p>Rows: true class; columns: predicted class; shade: share of the row.</p>\n");
        html.append(confusion(card.confusionMatrix(), card.classes()));
        perClass(html, card);
        CheckSections.render(html, card, c.gate());
        html.append(
                "<h2>Most confidently wrong</h2>\n<p>The test digits the model got wrong with the highest probability.</p>\n");
        html.append(digits("wrong", c.confidentlyWrong(), card.classes()));
        html.append("</body></html>\n");
        return html.toString();
    }

    /** The result in one paragraph: accuracy, the gate's verdict, the baseline, the device and versions. */
    private static void headline(StringBuilder html, Content c) {
        ModelCard card = c.card();
        html.append("<h1>LeNet-5 training report</h1>\n<p>");
        html.append(String.format(
                Locale.ROOT,
                "Test accuracy <b>%.4f</b> (%d of %d). ",
                card.testAccuracy(),
                card.testCorrect(),
                card.testImages()));
        html.append("<span class=\"")
                .append(c.gate().passed() ? "pass" : "fail")
                .append("\">")
                .append(escape(c.gate().message()))
                .append("</span>. ");
        BaselineResult baseline = c.gate().baseline();
        if (baseline != null) {
            html.append(String.format(
                    Locale.ROOT,
                    "<span id=\"baseline\">Baseline %s: test accuracy %.4f on the same"
                            + " test set (change %+.4f).</span> ",
                    escape(baseline.model()),
                    baseline.testAccuracy(),
                    card.testAccuracy() - baseline.testAccuracy()));
        }
        html.append(escape(c.device().describe()))
                .append(". TensorFlow ")
                .append(escape(card.tensorflowVersion()))
                .append(", lenet ")
                .append(escape(card.lenetVersion()))
                .append(".</p>\n");
    }

    private static void model(StringBuilder html, ModelSummary summary) {
        html.append(
                "<h2>Model</h2>\n<table id=\"summary\"><tr><th>Layer</th><th>Output</th><th>Parameters</th></tr>\n");
        for (ModelSummary.Row row : summary.rows()) {
            html.append("<tr><td style=\"text-align:left\">")
                    .append(escape(row.layer()))
                    .append("</td><td>")
                    .append(row.shapeText())
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", row.parameters()))
                    .append("</td></tr>\n");
        }
        html.append(String.format(
                Locale.ROOT,
                "<tr><th style=\"text-align:left\">Total</th><th></th><th>%,d</th></tr></table>%n",
                summary.totalParameters()));
    }

    /** The curves, why training ended, and a row per epoch. */
    private static void training(StringBuilder html, Content c) {
        html.append("<h2>Training</h2>\n<div class=\"charts\">\n");
        boolean validated = c.epochs().stream().anyMatch(e -> e.validationAccuracy() != null);
        html.append(SvgChart.render(
                "loss",
                "Training loss",
                "step",
                c.steps(),
                StepPoint::step,
                List.of(new SvgChart.Series<>("train loss", "#1f77b4", StepPoint::loss))));
        html.append(SvgChart.render(
                "accuracy",
                "Training accuracy",
                "step",
                c.steps(),
                StepPoint::step,
                List.of(new SvgChart.Series<>("train", "#1f77b4", StepPoint::accuracy))));
        html.append(SvgChart.render(
                "learning-rate",
                "Learning rate",
                "step",
                c.steps(),
                StepPoint::step,
                List.of(new SvgChart.Series<>("learning rate", "#ff7f0e", StepPoint::learningRate))));
        if (validated) {
            html.append(SvgChart.render(
                    "validation",
                    "Validation per epoch",
                    "epoch",
                    c.epochs(),
                    EpochRecord::epoch,
                    List.of(
                            new SvgChart.Series<>("validation loss", "#2ca02c", EpochRecord::validationLoss),
                            new SvgChart.Series<>("validation accuracy", "#d62728", EpochRecord::validationAccuracy))));
        }
        html.append("</div>\n<p>Training ended: ")
                .append(escape(c.card().stopping().stopReason()))
                .append(".</p>\n");
        html.append("<table id=\"epochs\"><tr><th>epoch</th><th>learning rate</th><th>loss</th><th>train acc</th>")
                .append(validated ? "<th>val loss</th><th>val acc</th>" : "<th>test acc</th>")
                .append("<th>seconds</th><th>images/s</th></tr>\n");
        for (EpochRecord e : c.epochs()) {
            html.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%d</td><td>%.6f</td><td>%.4f</td><td>%.4f</td>",
                    e.epoch(),
                    e.learningRate(),
                    e.meanLoss(),
                    e.trainAccuracy()));
            if (validated) {
                html.append(String.format(
                        Locale.ROOT, "<td>%.4f</td><td>%.4f</td>", e.validationLoss(), e.validationAccuracy()));
            } else {
                html.append(
                        e.testAccuracy() == null
                                ? "<td>-</td>"
                                : String.format(Locale.ROOT, "<td>%.4f</td>", e.testAccuracy()));
            }
            html.append(
                    String.format(Locale.ROOT, "<td>%.1f</td><td>%,.0f</td></tr>%n", e.seconds(), e.imagesPerSecond()));
        }
        html.append("</table>\n");
    }

    private static void perClass(StringBuilder html, ModelCard card) {
        html.append("<h2>Per-class accuracy</h2>\n<table id=\"per-class\"><tr><th>class</th>");
        for (String name : card.classes()) {
            html.append("<th>").append(escape(name)).append("</th>");
        }
        html.append("</tr><tr><th>accuracy</th>");
        for (double a : card.perClassAccuracy()) {
            html.append(String.format(Locale.ROOT, "<td>%.4f</td>", a));
        }
        html.append("</tr></table>\n");
    }

    private static String digits(String id, List<DigitExample> examples, List<String> classes) {
        StringBuilder html = new StringBuilder("<div class=\"digits\" id=\"" + id + "\">\n");
        for (DigitExample e : examples) {
            html.append("<div class=\"digit")
                    .append(e.correct() ? "" : " wrong")
                    .append("\" data-index=\"")
                    .append(e.index())
                    .append("\" data-label=\"")
                    .append(e.label())
                    .append("\" data-predicted=\"")
                    .append(e.predicted())
                    .append("\"><img alt=\"test digit ")
                    .append(e.index())
                    .append("\" src=\"data:image/png;base64,")
                    .append(png(e.pixels()))
                    .append("\">")
                    .append(escape(classes.get(e.predicted())))
                    .append(" (")
                    .append(escape(classes.get(e.label())))
                    .append(String.format(Locale.ROOT, ")<br>%.0f%%", 100 * e.confidence()))
                    .append("</div>\n");
        }
        return html.append("</div>\n").toString();
    }

    private static String confusion(long[][] matrix, List<String> classes) {
        StringBuilder html = new StringBuilder("<table class=\"heat\" id=\"confusion\"><tr><th></th>");
        for (String name : classes) {
            html.append("<th>").append(escape(name)).append("</th>");
        }
        html.append("</tr>\n");
        for (int r = 0; r < matrix.length; r++) {
            long total = 0;
            for (long v : matrix[r]) {
                total += v;
            }
            html.append("<tr><th>").append(escape(classes.get(r))).append("</th>");
            for (int c = 0; c < matrix.length; c++) {
                double share = total == 0 ? 0 : (double) matrix[r][c] / total;
                double alpha = matrix[r][c] == 0 ? 0 : 0.08 + 0.92 * Math.sqrt(share);
                String colour = r == c ? "31,119,180" : "214,39,40";
                html.append(String.format(
                        Locale.ROOT,
                        "<td style=\"background:rgba(%s,%.3f)%s\">%d</td>",
                        colour,
                        alpha,
                        alpha > 0.6 ? ";color:#fff" : "",
                        matrix[r][c]));
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    static String png(byte[] pixels) {
        BufferedImage image =
                new BufferedImage(ModelSignature.COLUMNS, ModelSignature.ROWS, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, ModelSignature.COLUMNS, ModelSignature.ROWS, pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
