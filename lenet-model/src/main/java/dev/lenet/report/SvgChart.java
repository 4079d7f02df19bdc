package dev.lenet.report;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** A line chart as inline SVG: no script, no library; one polyline per series over the points' x values. */
final class SvgChart<T> {
    private static final int WIDTH = 460;
    private static final int HEIGHT = 240;
    private static final int LEFT = 60;
    private static final int BOTTOM = 30;
    private static final int TOP = 24;
    private static final int RIGHT = 16;
    private static final double PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final double PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    record Series<T>(String name, String colour, ToDoubleFunction<T> value) {}

    private final List<T> points;
    private final ToDoubleFunction<T> x;
    private final double minX;
    private final double maxX;
    private final double min;
    private final double max;
    private final StringBuilder svg = new StringBuilder();

    private SvgChart(List<T> points, ToDoubleFunction<T> x, List<Series<T>> series) {
        this.points = points;
        this.x = x;
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (Series<T> s : series) {
            for (T p : points) {
                low = Math.min(low, s.value().applyAsDouble(p));
                high = Math.max(high, s.value().applyAsDouble(p));
            }
        }
        this.min = low;
        this.max = high - low < 1e-9 ? low + 1e-3 : high;
        this.minX = points.stream().mapToDouble(x).min().orElse(0);
        double right = points.stream().mapToDouble(x).max().orElse(1);
        this.maxX = right - minX < 1e-9 ? minX + 1 : right;
    }

    /**
     * @param xLabel what the x values count (epoch, step)
     * @param x each point's x value; the axis is labelled at five even steps, as whole numbers
     */
    static <T> String render(
            String id, String title, String xLabel, List<T> points, ToDoubleFunction<T> x, List<Series<T>> series) {
        SvgChart<T> chart = new SvgChart<>(points, x, series);
        chart.frame(id, title);
        for (int i = 0; i < series.size(); i++) {
            chart.line(series.get(i), i);
        }
        chart.add(
                "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + PLOT_WIDTH / 2, HEIGHT - 2, HtmlReport.escape(xLabel));
        return chart.svg.append("</svg>\n").toString();
    }

    private void add(String format, Object... values) {
        svg.append(String.format(Locale.ROOT, format, values));
    }

    /** The canvas, the title, the plot's border, five value ticks and five x ticks. */
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
            add("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 4, y + 4, value(v));
            double xv = minX + (maxX - minX) * t / 4;
            add(
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    px(xv), HEIGHT - BOTTOM + 14, Math.round(xv));
        }
    }

    /** Four decimals, or a power of ten for the small values of a learning rate. */
    private static String value(double v) {
        return v != 0 && Math.abs(v) < 0.01
                ? String.format(Locale.ROOT, "%.1e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    /** One series' line and its legend entry, the {@code index}-th from the left. */
    private void line(Series<T> s, int index) {
        StringBuilder line = new StringBuilder();
        for (T p : points) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * (s.value().applyAsDouble(p) - min) / (max - min);
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(x.applyAsDouble(p)), y));
        }
        add(
                "<polyline class=\"series\" data-series=\"%s\" points=\"%s\" fill=\"none\" "
                        + "stroke=\"%s\" stroke-width=\"2\"/>%n",
                HtmlReport.escape(s.name()), line.toString().strip(), s.colour());
        add(
                "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                LEFT + 8 + index * 110, TOP + 14, s.colour(), HtmlReport.escape(s.name()));
    }

    private double px(double xValue) {
        return points.size() == 1 ? LEFT + PLOT_WIDTH / 2 : LEFT + PLOT_WIDTH * (xValue - minX) / (maxX - minX);
    }
}
