package io.storebench.bench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Inline SVG charts for the HTML report: line charts on linear or log axes, and bars with
 * confidence whiskers. Self-contained (no script, no fonts, no network), so a report opens anywhere.
 */
final class SvgChart {
    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#17becf"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 380;
    private static final int LEFT = 78;
    private static final int RIGHT = 170;
    private static final int TOP = 34;
    private static final int BOTTOM = 52;

    private SvgChart() {
    }

    record Tick(double value, String label) {
    }

    /** An axis: its range, whether it is logarithmic, and its ticks. */
    record Axis(String label, double min, double max, boolean log, List<Tick> ticks) {
        double fraction(double value) {
            return log ? (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (value - min) / (max - min);
        }

        /** A log axis over whole decades covering [low, high], labelled by {@code label}. */
        static Axis decades(String name, double low, double high, DoubleFunction<String> label) {
            double from = Math.pow(10, Math.floor(Math.log10(Math.max(low, 1e-9))));
            double to = Math.pow(10, Math.ceil(Math.log10(Math.max(high, from * 10))));
            if (to <= from) {
                to = from * 10;
            }
            List<Tick> ticks = new ArrayList<>();
            for (double v = from; v <= to * 1.0001; v *= 10) {
                ticks.add(new Tick(v, label.apply(v)));
            }
            return new Axis(name, from, to, true, ticks);
        }

        /** A linear axis from 0 to a round number at or above {@code high}. */
        static Axis linear(String name, double high, DoubleFunction<String> label) {
            double top = high > 0 ? high : 1;
            double step = Math.pow(10, Math.floor(Math.log10(top)));
            if (top / step < 2) {
                step /= 5;
            } else if (top / step < 5) {
                step /= 2;
            }
            double max = Math.ceil(top / step) * step;
            List<Tick> ticks = new ArrayList<>();
            for (double v = 0; v <= max + step / 2; v += step) {
                ticks.add(new Tick(v, label.apply(v)));
            }
            return new Axis(name, 0, max, false, ticks);
        }
    }

    record Series(String name, String color, List<double[]> points, boolean thin) {
    }

    record Bar(String name, String color, double value, double lower, double upper) {
    }

    /** A shaded span of the x axis behind the lines, e.g. a window in which operations failed. */
    record Band(String name, String color, double from, double to) {
    }

    /** A line chart; {@code kind} names it in the page ({@code data-chart}) for tests and readers. */
    static String lines(String kind, String title, Axis x, Axis y, List<Series> series) {
        return lines(kind, title, x, y, series, List.of());
    }

    /** A line chart over shaded bands; each band's name is its tooltip. */
    static String lines(String kind, String title, Axis x, Axis y, List<Series> series, List<Band> bands) {
        StringBuilder svg = open(kind, title);
        frame(svg, x, y);
        for (Band band : bands) {
            double from = px(x, Math.max(x.min(), band.from()));
            double to = Math.max(from + 2, px(x, Math.min(x.max(), band.to()))); // a short window stays visible
            svg.append("<rect class=\"band\" x=\"").append(fmt(from)).append("\" y=\"").append(TOP)
                    .append("\" width=\"").append(fmt(to - from)).append("\" height=\"").append(HEIGHT - TOP - BOTTOM)
                    .append("\" fill=\"").append(band.color()).append("\" fill-opacity=\"0.15\"><title>")
                    .append(escape(band.name())).append("</title></rect>\n");
        }
        List<String> legend = new ArrayList<>();
        List<String> legendColors = new ArrayList<>();
        for (Series s : series) {
            StringBuilder d = new StringBuilder();
            for (double[] p : s.points()) {
                boolean inRange = p[0] >= x.min() && p[0] <= x.max() && (y.log() ? p[1] > 0 : p[1] >= 0);
                if (!inRange) {
                    continue;
                }
                d.append(d.length() == 0 ? "M" : " L").append(fmt(px(x, p[0]))).append(',').append(fmt(py(y, p[1])));
            }
            if (d.length() == 0) {
                continue;
            }
            svg.append("<path class=\"series\" data-series=\"").append(escape(s.name())).append("\" d=\"").append(d)
                    .append("\" fill=\"none\" stroke=\"").append(s.color()).append("\" stroke-width=\"")
                    .append(s.thin() ? "1.2" : "2").append("\"/>\n");
            if (!legend.contains(s.name())) {
                legend.add(s.name());
                legendColors.add(s.color());
            }
        }
        legend(svg, legend, legendColors);
        return svg.append("</svg>\n").toString();
    }

    /** Bars with 95 % whiskers, on a linear axis from 0. */
    static String bars(String kind, String title, String yLabel, List<Bar> bars, DoubleFunction<String> label) {
        StringBuilder svg = open(kind, title);
        double high = bars.stream().mapToDouble(b -> Double.isNaN(b.upper()) ? b.value() : b.upper()).max().orElse(1);
        Axis y = Axis.linear(yLabel, high * 1.05, label);
        Axis x = new Axis("", 0, Math.max(1, bars.size()), false, List.of());
        frame(svg, x, y);
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double left = LEFT + i * slot + slot * 0.2;
            double width = slot * 0.6;
            double top = py(y, b.value());
            svg.append("<rect class=\"series bar\" data-series=\"").append(escape(b.name())).append("\" x=\"")
                    .append(fmt(left)).append("\" y=\"").append(fmt(top)).append("\" width=\"").append(fmt(width))
                    .append("\" height=\"").append(fmt(HEIGHT - BOTTOM - top)).append("\" fill=\"").append(b.color())
                    .append("\" fill-opacity=\"0.8\"/>\n");
            if (!Double.isNaN(b.lower())) {
                double cx = left + width / 2;
                double y1 = py(y, Math.max(0, b.lower()));
                double y2 = py(y, b.upper());
                svg.append("<path class=\"whisker\" d=\"M").append(fmt(cx)).append(',').append(fmt(y1)).append(" L")
                        .append(fmt(cx)).append(',').append(fmt(y2)).append(" M").append(fmt(cx - 8)).append(',')
                        .append(fmt(y1)).append(" L").append(fmt(cx + 8)).append(',').append(fmt(y1)).append(" M")
                        .append(fmt(cx - 8)).append(',').append(fmt(y2)).append(" L").append(fmt(cx + 8)).append(',')
                        .append(fmt(y2)).append("\" stroke=\"#222\" stroke-width=\"1.5\" fill=\"none\"/>\n");
            }
            text(svg, left + width / 2, HEIGHT - BOTTOM + 16, "middle", b.name(), 12);
            text(svg, left + width / 2, top - 6, "middle", label.apply(b.value()), 11);
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String kind, String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"").append(escape(kind))
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(escape(title)).append("\">\n<title>").append(escape(title)).append("</title>\n")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#fff\"/>\n");
        text(svg, LEFT, 20, "start", title, 14);
        return svg;
    }

    private static void frame(StringBuilder svg, Axis x, Axis y) {
        for (Tick t : y.ticks()) {
            double py = py(y, t.value());
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(py)).append("\" y2=\"").append(fmt(py)).append("\" stroke=\"#ddd\"/>\n");
            text(svg, LEFT - 6, py + 4, "end", t.label(), 11);
        }
        for (Tick t : x.ticks()) {
            double px = px(x, t.value());
            svg.append("<line x1=\"").append(fmt(px)).append("\" x2=\"").append(fmt(px)).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#eee\"/>\n");
            text(svg, px, HEIGHT - BOTTOM + 16, "middle", t.label(), 11);
        }
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM)
                .append("\" fill=\"none\" stroke=\"#888\"/>\n");
        text(svg, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, HEIGHT - 12, "middle", x.label(), 12);
        svg.append("<text x=\"16\" y=\"").append(fmt(TOP + (HEIGHT - TOP - BOTTOM) / 2.0))
                .append("\" font-size=\"12\" font-family=\"sans-serif\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                .append(fmt(TOP + (HEIGHT - TOP - BOTTOM) / 2.0)).append(")\">").append(escape(y.label()))
                .append("</text>\n");
    }

    private static void legend(StringBuilder svg, List<String> names, List<String> colors) {
        for (int i = 0; i < names.size(); i++) {
            double y = TOP + 10 + i * 18;
            double x = WIDTH - RIGHT + 12;
            svg.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x + 18)).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"").append(colors.get(i))
                    .append("\" stroke-width=\"3\"/>\n");
            text(svg, x + 24, y + 4, "start", names.get(i), 12);
        }
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String text, int size) {
        svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" font-size=\"").append(size)
                .append("\" font-family=\"sans-serif\" text-anchor=\"").append(anchor).append("\">")
                .append(escape(text)).append("</text>\n");
    }

    private static double px(Axis x, double value) {
        return LEFT + x.fraction(value) * (WIDTH - LEFT - RIGHT);
    }

    private static double py(Axis y, double value) {
        return HEIGHT - BOTTOM - y.fraction(value) * (HEIGHT - TOP - BOTTOM);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
