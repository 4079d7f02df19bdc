package dev.lenet.report;

import dev.lenet.training.EpochRecord;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** A line chart of per-epoch figures as inline SVG, for the self-contained report. */
final class SvgChart {
    private static final int WIDTH = 460;
    private static final int HEIGHT = 240;
    private static final int LEFT = 52;
    private static final int BOTTOM = 30;
    private static final int TOP = 24;
    private static final int RIGHT = 16;
    private static final double PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final double PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    record Series(String name, String colour, ToDoubleFunction<EpochRecord> value) {}

    private final List<EpochRecord> epochs;
    private final double min;
    private final double max;
    private final StringBuilder svg = new StringBuilder();

    private SvgChart(List<EpochRecord> epochs, List<Series> series) {
        this.epochs = epochs;
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (Series s : series) {
            for (EpochRecord e : epochs) {
                low = Math.min(low, s.value().applyAsDouble(e));
                high = Math.max(high, s.value().applyAsDouble(e));
            }
        }
        this.min = low;
        this.max = high - low < 1e-9 ? low + 1e-3 : high;
    }

    static String render(String id, String title, List<EpochRecord> epochs, List<Series> series) {
        SvgChart chart = new SvgChart(epochs, series);
        chart.frame(id, title);
        for (int i = 0; i < series.size(); i++) {
            chart.line(series.get(i), i);
        }
        chart.add("<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">epoch</text>%n", LEFT + PLOT_WIDTH / 2, HEIGHT - 2);
        return chart.svg.append("</svg>\n").toString();
    }

    private void add(String format, Object... values) {
        svg.append(String.format(Locale.ROOT, format, values));
    }

    /** The canvas, the title, the plot's border, five value ticks and the epoch numbers. */
    private void frame(String id, String title) {
        add(
                "<svg id=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">%n",
                id, WIDTH, HEIGHT, WIDTH, HEIGHT);
        add("<text x=\"%d\" y=\"14\" font-size=\"13\">%s</text>%n", LEFT, HtmlReport.escape(title));
        add(
                "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#ccc\"/>%n",
                LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT);
        for (int t = 0; t <= 4; t++) {
            double v = min + (max - min) * t / 4;
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * t / 4;
            add("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.4f</text>%n", LEFT - 4, y + 4, v);
        }
        for (int i = 0; i < epochs.size(); i++) {
            add(
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x(i), HEIGHT - BOTTOM + 14, epochs.get(i).epoch());
        }
    }

    /** One series' line and its legend entry, the {@code index}-th from the left. */
    private void line(Series s, int index) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < epochs.size(); i++) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * (s.value().applyAsDouble(epochs.get(i)) - min) / (max - min);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i), y));
        }
        add(
                "<polyline class=\"series\" data-series=\"%s\" points=\"%s\" fill=\"none\" "
                        + "stroke=\"%s\" stroke-width=\"2\"/>%n",
                HtmlReport.escape(s.name()), points.toString().strip(), s.colour());
        add(
                "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                LEFT + 8 + index * 90, TOP + 14, s.colour(), HtmlReport.escape(s.name()));
    }

    private double x(int i) {
        int n = epochs.size();
        return n == 1 ? LEFT + PLOT_WIDTH / 2 : LEFT + PLOT_WIDTH * i / (n - 1);
    }
}
