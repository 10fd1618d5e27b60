package dev.poolscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.ui.timeline.Palette;
import dev.poolscope.ui.timeline.TimelineGeometry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG export: real XML, a rectangle per task where the geometry puts it, names as text. */
class SvgTimelineTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private Document render(Double atMs) throws Exception {
        Path out = dir.resolve("t.svg");
        int code = HeadlessRender.render(KnownTrace.write(dir), new RenderSpec(out, 1000, 400, 1, atMs, false, false,
                10, 1), new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code);
        String text = Files.readString(out);
        assertFalse(text.contains("<image"), "vectors, not an embedded bitmap");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
    }

    @Test
    void aRectPerTaskWhereTheGeometryPutsItAndTheNamesAsText() throws Exception {
        Document svg = render(null);
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals("1000", svg.getDocumentElement().getAttribute("width"));
        List<Element> tasks = new ArrayList<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("task")) {
                tasks.add(g);
            }
        }
        assertEquals(3, tasks.size(), "one group per task");
        TimelineGeometry geo = KnownTrace.geometry(1000, 400);
        double[][] spans = {{100, 1100, 0}, {100, 500, 1}, {600, 1600, 1}};
        for (int t = 0; t < 3; t++) {
            Element g = tasks.get(t);
            assertEquals(String.valueOf((char) ('A' + t)), g.getElementsByTagName("title").item(0).getTextContent());
            Element rect = (Element) g.getElementsByTagName("rect").item(0);
            assertEquals(Palette.taskHex(t), rect.getAttribute("fill"));
            double x = Double.parseDouble(rect.getAttribute("x"));
            double w = Double.parseDouble(rect.getAttribute("width"));
            double y = Double.parseDouble(rect.getAttribute("y"));
            assertEquals(Math.floor(geo.xOf(KnownTrace.ms(spans[t][0]))), x, 0.01, "task " + t + " starts");
            assertEquals(Math.floor(geo.xOf(KnownTrace.ms(spans[t][1]))) - x - 1, w, 0.01, "task " + t + " ends");
            int lane = (int) spans[t][2];
            assertTrue(y > geo.laneTop(lane) && y < geo.laneTop(lane) + geo.laneHeight(), "task " + t + " in lane " + lane);
            assertEquals(String.valueOf((char) ('A' + t)), g.getElementsByTagName("text").item(0).getTextContent());
        }
        List<String> texts = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("text");
        for (int i = 0; i < all.getLength(); i++) {
            texts.add(all.item(i).getTextContent());
        }
        assertTrue(texts.contains("W0  PID 101"), texts.toString());
        assertTrue(texts.contains("W1  PID 102"), texts.toString());
        assertTrue(texts.contains("1.0 s"), "the axis as text: " + texts);
        assertTrue(texts.contains("end"), texts.toString());
    }

    @Test
    void aMomentHasOnlyTheTasksStartedByThen() throws Exception {
        Document svg = render(300.0);
        int tasks = 0;
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            tasks += ((Element) groups.item(i)).getAttribute("class").equals("task") ? 1 : 0;
        }
        assertEquals(2, tasks, "A and B run at 300 ms; C starts at 600");
    }
}
