package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.ui.compare.CompareWindow;
import dev.poolscope.ui.compare.ComparedRun;
import dev.poolscope.ui.export.ExportChoice;
import dev.poolscope.ui.export.FileAsker;
import dev.poolscope.ui.export.KnownTrace;
import dev.poolscope.ui.sweep.SweepView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Window;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * File › Export Image as SVG of the sweep and the comparison windows: real XML with a path per
 * chart series through the points the chart shows, the axis titles and the verdict as text, and
 * a rectangle and a name per task of each compared run. The sweep runs real workers.
 */
class WindowSvgExportTest extends MultiWindowTest {
    @TempDir
    Path dir;

    private Document export(ExportChoice.What what, Path file) throws Exception {
        assertTrue(fx(() -> window.traces().exports().exportTo(
                new ExportChoice(what, true, 0, 0, 1, ExportChoice.Theme.CURRENT), file)));
        String text = Files.readString(file);
        assertFalse(text.contains("<image"), "vectors, not an embedded bitmap");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        return svg;
    }

    private static List<Element> elements(Document svg, String tag) {
        List<Element> list = new ArrayList<>();
        NodeList all = svg.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            list.add((Element) all.item(i));
        }
        return list;
    }

    /** All the text of the picture, lines joined with spaces (a wrapped label is one sentence again). */
    private static String allText(Document svg) {
        return String.join(" ", elements(svg, "text").stream().map(Element::getTextContent).toList())
                .replaceAll("\\s+", " ");
    }

    /**
     * The points of path data "M x y L x y ...". A chart's series path moves to its first point
     * and then draws a line to every point, the first again: a repeated point counts once.
     */
    private static List<double[]> points(String d) {
        List<double[]> pts = new ArrayList<>();
        String[] parts = d.trim().split(" ");
        for (int i = 0; i + 2 < parts.length; i += 3) {
            double[] q = {Double.parseDouble(parts[i + 1]), Double.parseDouble(parts[i + 2])};
            double[] last = pts.isEmpty() ? null : pts.get(pts.size() - 1);
            if (last == null || last[0] != q[0] || last[1] != q[1]) {
                pts.add(q);
            }
        }
        return pts;
    }

    @Test
    void sweepChartsAreSeriesPathsThroughThePointsAndTextForTitlesAndVerdict(FxRobot robot) throws Exception {
        fx(() -> {
            window.config().load("sleepy", "", dev.poolscope.scenario.Lessons.load("sleepy").config());
            window.config().setTimeScale(0.25);
            return null;
        });
        robot.clickOn("Analyze");
        robot.clickOn("Sweep\u2026");
        SweepView view = robot.lookup("#sweepView").queryAs(SweepView.class);
        fx(() -> {
            view.setPlan("pool", "1, 4", 1);
            view.start();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> view.summary() != null
                && view.summary().points().size() == 2 && !view.running()));
        WaitForAsyncUtils.waitForFxEvents();

        Document svg = export(ExportChoice.What.SWEEP, dir.resolve("sweep.svg"));
        List<Element> lines = elements(svg, "path").stream()
                .filter(p -> p.getAttribute("class").contains("chart-series-line")).toList();
        // A path per series of every chart, with a point per data point.
        List<Integer> expected = fx(() -> {
            List<Integer> sizes = new ArrayList<>();
            for (var node : view.lookupAll(".chart")) {
                if (node instanceof LineChart<?, ?> c) {
                    c.getData().forEach(s -> sizes.add(s.getData().size()));
                }
            }
            return sizes;
        });
        List<Integer> got = lines.stream().map(p -> points(p.getAttribute("d")).size()).toList();
        assertEquals(expected.stream().sorted().toList(), got.stream().sorted().toList(), "points per series path");
        assertTrue(lines.stream().allMatch(p -> p.getAttribute("stroke").startsWith("#")), "series lines have colour");
        // The median points lie on a series path, where the chart draws their symbols.
        List<XYChart.Data<Number, Number>> median = fx(view::medianPoints);
        assertEquals(2, median.size());
        for (XYChart.Data<Number, Number> d : median) {
            Bounds b = fx(() -> d.getNode().localToScene(d.getNode().getBoundsInLocal()));
            double cx = b.getCenterX();
            double cy = b.getCenterY();
            assertTrue(lines.stream().anyMatch(p -> points(p.getAttribute("d")).stream()
                    .anyMatch(q -> Math.abs(q[0] - cx) < 0.6 && Math.abs(q[1] - cy) < 0.6)),
                    "a series path passes through the median point at " + cx + ", " + cy);
        }
        String text = allText(svg);
        assertTrue(text.contains("Makespan (ms)"), text);
        assertTrue(text.contains("pool size (workers)"), text);
        String verdict = fx(view::verdictText).replaceAll("\\s+", " ");
        assertTrue(text.contains(verdict), "the verdict as text: " + verdict + " in " + text);
    }

    @Test
    void comparisonHasARectAndANamePerTaskOfEachRun(FxRobot robot) throws Exception {
        Path file = dir.resolve("compare.svg");
        List<String> asked = new ArrayList<>();
        fx(() -> {
            window.traces().setFileAsker(new FileAsker() {
                @Override
                public Path save(String title, String initialName, String... filters) {
                    asked.add(initialName);
                    return file;
                }

                @Override
                public Path open(String title, String... filters) {
                    return null;
                }

                @Override
                public Path folder(String title) {
                    return null;
                }
            });
            return null;
        });
        fx(() -> {
            CompareWindow.open(window.stage(), "known twice", List.of(
                    ComparedRun.of("first", "known", KnownTrace.config(), KnownTrace.events()),
                    ComparedRun.of("second", "known", KnownTrace.config(), KnownTrace.events())));
            return null;
        });
        // The comparison's timer draws the timelines once they have their size.
        // Polled, not slept: the comparison window is up and laid out (its timelines have their size).
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> window.stage().getScene() != null
                && Window.getWindows().size() > 1 && Window.getWindows().stream().filter(w -> w != window.stage())
                .allMatch(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot().getLayoutBounds().getWidth() > 0)));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        // Through File › Export Image, as a user does it: the comparison offers SVG.
        robot.clickOn("File").clickOn("Export Image\u2026");
        ChoiceBox<ExportChoice.What> what = robot.lookup("#exportWhat").query();
        ChoiceBox<String> format = robot.lookup("#exportFormat").query();
        fx(() -> {
            what.setValue(ExportChoice.What.COMPARE);
            return null;
        });
        assertFalse(format.isDisabled(), "SVG is offered for the comparison");
        fx(() -> {
            format.setValue("SVG (vectors)");
            return null;
        });
        robot.clickOn("Export\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("poolscope.svg"), asked);
        assertFalse(Files.readString(file).contains("<image"), "vectors, not an embedded bitmap");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        List<Element> tasks = elements(svg, "g").stream().filter(g -> g.getAttribute("class").equals("task")).toList();
        assertEquals(6, tasks.size(), "three tasks in each of two runs");
        List<String> names = new ArrayList<>();
        for (Element g : tasks) {
            assertTrue(g.getElementsByTagName("rect").getLength() >= 1, "a rect per task");
            names.add(g.getElementsByTagName("text").item(0).getTextContent());
        }
        assertEquals(List.of("A", "B", "C", "A", "B", "C"), names);
        String text = allText(svg);
        assertTrue(text.contains("first"), text);
        assertTrue(text.contains("second"), text);
        assertTrue(text.contains("Statistics"), text);
        assertTrue(text.contains("W1 PID 102"), text);
    }
}
