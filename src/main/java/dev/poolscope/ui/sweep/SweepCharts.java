package dev.poolscope.ui.sweep;

import dev.poolscope.sweep.Format;
import dev.poolscope.sweep.SweepPoint;
import dev.poolscope.sweep.SweepSetting;
import dev.poolscope.sweep.SweepSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import javafx.scene.Cursor;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The sweep's three charts against the varied setting: makespan (median, min, max, the schedule
 * bound, the Amdahl fit), speedup (measured, ideal, the best the task list allows, the fit) and
 * efficiency with the Karp-Flatt metric. Pool sizes and chunksizes sit on a log2 axis; modes are
 * categories. The CPU count is a vertical line. Clicking a measured point calls {@link #onPick}.
 * Series order fixes their colours (sweep.css styles default-colorN).
 */
final class SweepCharts {
    private static final int CURVE_STEPS = 48;
    final LineChart<Number, Number> makespan = chart("Makespan (ms)", "sweepMakespanChart");
    final LineChart<Number, Number> speedup = chart("Speedup", "sweepSpeedupChart");
    final LineChart<Number, Number> efficiency = chart("Efficiency and Karp-Flatt serial fraction", "sweepEfficiencyChart");
    private Consumer<SweepPoint> onPick = p -> { };

    void onPick(Consumer<SweepPoint> action) {
        onPick = action;
    }

    void clear() {
        makespan.getData().clear();
        speedup.getData().clear();
        efficiency.getData().clear();
    }

    void show(SweepSummary s) {
        clear();
        if (s == null || s.points().isEmpty()) {
            return;
        }
        List<SweepPoint> pts = s.points();
        SweepSetting setting = s.setting();
        List<String> values = s.plan().values();
        DoubleUnaryOperator xOf = setting.numeric() ? p -> Math.log(p) / Math.log(2) : p -> p;
        double[] xs = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xs[i] = setting.axisX(pts.get(i).value(), pts.get(i).index());
        }
        for (LineChart<Number, Number> c : List.of(makespan, speedup, efficiency)) {
            axis(c, setting, values, s.cpus(), xs);
        }
        var median = measured("median", pts, xs, SweepPoint::medianMs);
        var min = measured("min", pts, xs, SweepPoint::minMs);
        var max = measured("max", pts, xs, SweepPoint::maxMs);
        var speed = measured("measured", pts, xs, SweepPoint::speedup);
        // Only a pool sweep measures efficiency (speedup over the workers added to its baseline's);
        // any other sweep's figure is how busy the workers were, and is called that.
        var eff = measured(s.scaling() ? "efficiency" : "workers busy", pts, xs, SweepPoint::efficiency);
        efficiency.setTitle(s.scaling() ? "Efficiency and Karp-Flatt serial fraction"
                : "How busy the workers were (task time / (workers \u00d7 makespan))");
        speedup.setTitle(s.scaling() ? "Speedup" : "Speedup against " + s.plan().label(pts.get(0).index()));
        if (!s.scaling()) {
            makespan.getData().setAll(List.of(median, min, max));
            speedup.getData().setAll(List.of(speed));
            efficiency.getData().setAll(List.of(eff));
        } else {
            double lo = pts.stream().mapToInt(SweepPoint::slots).min().orElse(1);
            double hi = pts.stream().mapToInt(SweepPoint::slots).max().orElse(1);
            double ymax = pts.stream().mapToDouble(SweepPoint::maxMs).max().orElse(1) * 1.05;
            var bound = curve("lower bound", lo, hi, xOf, s::lowerBoundAt);
            var ideal = curve("ideal", lo, hi, xOf, p -> p / s.baselineSlots());
            var possible = curve("best possible", lo, hi, xOf, p -> s.baselineMs() / s.lowerBoundAt(p));
            var kf = new XYChart.Series<Number, Number>();
            kf.setName("Karp-Flatt e");
            for (int i = 0; i < pts.size(); i++) {
                if (pts.get(i).karpFlatt() != null) {
                    kf.getData().add(new XYChart.Data<>(xs[i], pts.get(i).karpFlatt()));
                }
            }
            List<XYChart.Series<Number, Number>> m = new ArrayList<>(List.of(median, min, max, bound));
            List<XYChart.Series<Number, Number>> sp = new ArrayList<>(List.of(speed, ideal, possible));
            if (s.fit() != null) {
                m.add(curve("Amdahl fit (s = " + Format.ratio(s.fit().serialFraction()) + ")", lo, hi, xOf,
                        p -> s.fit().makespanAt(p)));
                sp.add(curve("Amdahl fit", lo, hi, xOf, p -> s.baselineMs() / s.fit().makespanAt(p)));
            }
            double speedMax = Math.max(hi / s.baselineSlots(), pts.stream().mapToDouble(SweepPoint::speedup).max().orElse(1));
            m.add(cpuLine(s.cpus(), ymax));
            sp.add(cpuLine(s.cpus(), speedMax * 1.05));
            makespan.getData().setAll(m);
            speedup.getData().setAll(sp);
            efficiency.getData().setAll(List.of(eff, kf));
            hideSymbols(m.subList(3, m.size()));
            hideSymbols(sp.subList(1, sp.size()));
        }
        // Only the measured points take clicks; min and max symbols and lines would sit on top of them.
        for (var c : List.of(makespan, speedup, efficiency)) {
            for (var series : c.getData()) {
                if (series.getNode() != null) {
                    series.getNode().setMouseTransparent(true); // a line passing over a point must not take its click
                }
                if (series != median && series != speed && series != eff) {
                    series.getData().forEach(d -> {
                        if (d.getNode() != null) {
                            d.getNode().setMouseTransparent(true);
                        }
                    });
                }
            }
        }
        clickable(median, pts, p -> p.label() + "\nmedian " + Format.ms(p.medianMs()) + " ms (min " + Format.ms(p.minMs())
                + ", max " + Format.ms(p.maxMs()) + ", " + p.runs() + " runs)\nclick: open this run's timeline");
        clickable(speed, pts, p -> p.label() + "\nspeedup " + Format.ratio(p.speedup())
                + (p.idealSpeedup() == null ? "" : " (ideal " + Format.ratio(p.idealSpeedup()) + ")")
                + "\nclick: open this run's timeline");
        clickable(eff, pts, p -> p.label() + (s.scaling() ? "\nefficiency " : "\nworkers busy ") + Format.percent(p.efficiency())
                + (p.karpFlatt() == null ? "" : "\nKarp-Flatt e = " + Format.ratio(p.karpFlatt()))
                + "\nclick: open this run's timeline");
    }

    /** The median makespan series' points, as the chart holds them (for tests and tools). */
    List<XYChart.Data<Number, Number>> medianPoints() {
        return makespan.getData().isEmpty() ? List.of() : List.copyOf(makespan.getData().get(0).getData());
    }

    List<XYChart.Data<Number, Number>> speedupPoints() {
        return speedup.getData().isEmpty() ? List.of() : List.copyOf(speedup.getData().get(0).getData());
    }

    private static XYChart.Series<Number, Number> measured(String name, List<SweepPoint> pts, double[] xs,
                                                           java.util.function.ToDoubleFunction<SweepPoint> y) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (int i = 0; i < pts.size(); i++) {
            s.getData().add(new XYChart.Data<>(xs[i], y.applyAsDouble(pts.get(i)), pts.get(i)));
        }
        return s;
    }

    /** A smooth line sampled between two pool sizes, evenly on the log axis. */
    private static XYChart.Series<Number, Number> curve(String name, double lo, double hi, DoubleUnaryOperator xOf,
                                                        DoubleUnaryOperator y) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        double a = Math.log(lo);
        double b = Math.log(hi);
        for (int i = 0; i <= CURVE_STEPS; i++) {
            double p = Math.exp(a + (b - a) * i / CURVE_STEPS);
            s.getData().add(new XYChart.Data<>(xOf.applyAsDouble(p), y.applyAsDouble(p)));
        }
        return s;
    }

    private static XYChart.Series<Number, Number> cpuLine(int cpus, double top) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(cpus + " CPUs");
        double x = Math.log(cpus) / Math.log(2);
        s.getData().add(new XYChart.Data<>(x, 0));
        s.getData().add(new XYChart.Data<>(x, top));
        return s;
    }

    private static void hideSymbols(List<XYChart.Series<Number, Number>> list) {
        for (var s : list) {
            for (var d : s.getData()) {
                if (d.getNode() != null) {
                    d.getNode().setVisible(false);
                }
            }
        }
    }

    private void clickable(XYChart.Series<Number, Number> s, List<SweepPoint> pts,
                           java.util.function.Function<SweepPoint, String> tip) {
        for (var d : s.getData()) {
            SweepPoint p = (SweepPoint) d.getExtraValue();
            if (d.getNode() == null || p == null) {
                continue;
            }
            d.getNode().setCursor(Cursor.HAND);
            d.getNode().setId(s.getName().replace(' ', '-') + "-" + p.value());
            Tooltip.install(d.getNode(), new Tooltip(tip.apply(p)));
            d.getNode().setOnMouseClicked(e -> onPick.accept(p));
        }
    }

    private static void axis(LineChart<Number, Number> c, SweepSetting setting, List<String> values, int cpus,
                             double[] xs) {
        NumberAxis x = (NumberAxis) c.getXAxis();
        double lo = java.util.Arrays.stream(xs).min().orElse(0);
        double hi = java.util.Arrays.stream(xs).max().orElse(0);
        if (setting == SweepSetting.POOL) {
            double cx = Math.log(cpus) / Math.log(2);
            lo = Math.min(lo, cx);
            hi = Math.max(hi, cx);
        }
        x.setAutoRanging(false);
        x.setLowerBound(Math.floor(lo) - 0.25);
        x.setUpperBound(Math.ceil(hi) + 0.25);
        x.setTickUnit(1);
        x.setMinorTickVisible(false);
        x.setLabel(setting == SweepSetting.POOL ? "pool size (workers)" : setting.id());
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                if (Math.abs(v - Math.rint(v)) > 1e-9) {
                    return "";
                }
                if (setting.numeric()) {
                    return String.valueOf(Math.round(Math.pow(2, v)));
                }
                int i = (int) Math.rint(v);
                return i >= 0 && i < values.size() ? values.get(i) : "";
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
    }

    private static LineChart<Number, Number> chart(String title, String id) {
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        LineChart<Number, Number> c = new LineChart<>(new NumberAxis(), y);
        c.setTitle(title);
        c.setId(id);
        c.setAnimated(false);
        c.setVerticalZeroLineVisible(false); // log2(pool 1) is 0: the line would look like a marker
        c.getStyleClass().add("sweep-chart");
        c.setMinSize(260, 200);
        return c;
    }
}
