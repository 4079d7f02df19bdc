package dev.lenet.report;

import dev.lenet.training.EpochRecord;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** A line chart of per-epoch figures as inline SVG, for the self-contained report. */
final class SvgChart {
    private SvgChart() {}

    record Series(String name, String colour, ToDoubleFunction<EpochRecord> value) {}

    static String render(String id, String title, List<EpochRecord> epochs, List<Series> series) {
        int width = 460;
        int height = 240;
        int left = 52;
        int bottom = 30;
        int top = 24;
        int right = 16;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Series s : series) {
            for (EpochRecord e : epochs) {
                min = Math.min(min, s.value().applyAsDouble(e));
                max = Math.max(max, s.value().applyAsDouble(e));
            }
        }
        if (max - min < 1e-9) {
            max = min + 1e-3;
        }
        double plotWidth = width - left - right;
        double plotHeight = height - top - bottom;
        int n = epochs.size();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg id=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">%n",
                id,
                width,
                height,
                width,
                height));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"14\" font-size=\"13\">%s</text>%n", left, HtmlReport.escape(title)));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#ccc\"/>%n",
                left,
                top,
                plotWidth,
                plotHeight));
        for (int t = 0; t <= 4; t++) {
            double v = min + (max - min) * t / 4;
            double y = top + plotHeight - plotHeight * t / 4;
            svg.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.4f</text>%n", left - 4, y + 4, v));
        }
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? left + plotWidth / 2 : left + plotWidth * i / (n - 1);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x,
                    height - bottom + 14,
                    epochs.get(i).epoch()));
        }
        int legend = 0;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double x = n == 1 ? left + plotWidth / 2 : left + plotWidth * i / (n - 1);
                double y = top + plotHeight - plotHeight * (s.value().applyAsDouble(epochs.get(i)) - min) / (max - min);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline class=\"series\" data-series=\"%s\" points=\"%s\" fill=\"none\" "
                            + "stroke=\"%s\" stroke-width=\"2\"/>%n",
                    HtmlReport.escape(s.name()),
                    points.toString().strip(),
                    s.colour()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                    left + 8 + legend * 90,
                    top + 14,
                    s.colour(),
                    HtmlReport.escape(s.name())));
            legend++;
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">epoch</text>%n",
                left + plotWidth / 2,
                height - 2));
        return svg.append("</svg>\n").toString();
    }
}
