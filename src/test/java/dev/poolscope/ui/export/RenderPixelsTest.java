package dev.poolscope.ui.export;

import static dev.poolscope.ui.export.KnownTrace.at;
import static dev.poolscope.ui.export.KnownTrace.near;
import static dev.poolscope.ui.export.KnownTrace.rgb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.ui.timeline.Palette;
import dev.poolscope.ui.timeline.TimelineGeometry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Pictures of a known trace made headless (Monocle, no window), checked by their pixels at the
 * places {@link TimelineGeometry} gives for the trace's times.
 */
class RenderPixelsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        // Through TestFX, so the window tests of the same JVM find the toolkit they expect.
        FxToolkit.registerPrimaryStage();
    }

    private BufferedImage render(String name, int w, int h, double scale, Double atMs, boolean dark) throws Exception {
        Path trace = KnownTrace.write(dir);
        Path out = dir.resolve(name);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HeadlessRender.render(trace, new RenderSpec(out, w, h, scale, atMs, dark, false, 10, 1),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return ImageIO.read(out.toFile());
    }

    @Test
    void thePngIsExactlyTheSizeTimesTheScale() throws Exception {
        BufferedImage one = render("one.png", 1000, 400, 1, null, false);
        assertEquals(1000, one.getWidth());
        assertEquals(400, one.getHeight());
        BufferedImage two = render("two.png", 640, 360, 2, null, false);
        assertEquals(1280, two.getWidth());
        assertEquals(720, two.getHeight());
    }

    @Test
    void barsAreTheTasksColoursWhereTheTraceRanThemAndBackgroundElsewhere() throws Exception {
        for (double scale : new double[] {1, 2}) {
            BufferedImage img = render("end.png", 1000, 400, scale, null, false);
            TimelineGeometry geo = KnownTrace.geometry(1000, 400);
            Palette p = Palette.LIGHT;
            assertEquals(rgb(Palette.task(0)), rgb(img, at(geo, 600, 0, scale)), "A on W0 at 600 ms");
            assertEquals(rgb(Palette.task(1)), rgb(img, at(geo, 300, 1, scale)), "B on W1 at 300 ms");
            assertEquals(rgb(Palette.task(2)), rgb(img, at(geo, 1300, 1, scale)), "C on W1 at 1300 ms");
            assertEquals(rgb(p.background()), rgb(img, at(geo, 1350, 0, scale)), "W0 idle after A (1100 ms)");
            assertEquals(rgb(p.laneAlt()), rgb(img, at(geo, 550, 1, scale)), "W1 between B and C");
            assertEquals(rgb(p.background()), rgb(img, at(geo, 60, 0, scale)), "nothing before the first start");
        }
    }

    @Test
    void atAMomentBarsAreCutTheNowLineIsThereAndLaterTasksAreAbsent() throws Exception {
        BufferedImage img = render("at.png", 1000, 400, 1, 400.0, false);
        TimelineGeometry geo = KnownTrace.geometry(1000, 400);
        Palette p = Palette.LIGHT;
        assertEquals(rgb(Palette.task(0)), rgb(img, at(geo, 300, 0, 1)), "A has run since 100 ms");
        assertEquals(rgb(p.background()), rgb(img, at(geo, 600, 0, 1)), "A is cut at 400 ms");
        assertEquals(rgb(p.laneAlt()), rgb(img, at(geo, 1300, 1, 1)), "C (from 600 ms) is not there yet");
        int[] now = at(geo, 400, 0, 1);
        boolean line = false;
        for (int dx = -1; dx <= 1; dx++) {
            line |= near(rgb(p.now()), rgb(img, new int[] {now[0] + dx, now[1]}), 40);
        }
        assertTrue(line, "the now line at x=" + now[0]);
        int[] endPlace = at(geo, 1700, 0, 1);
        assertEquals(rgb(p.background()), rgb(img, endPlace), "no line at the end yet");
    }

    @Test
    void lightAndDarkDiffer() throws Exception {
        BufferedImage light = render("light.png", 600, 300, 1, null, false);
        BufferedImage dark = render("dark.png", 600, 300, 1, null, true);
        TimelineGeometry geo = KnownTrace.geometry(600, 300);
        int[] empty = at(geo, 1350, 0, 1);
        assertEquals(rgb(Palette.LIGHT.background()), rgb(light, empty));
        assertEquals(rgb(Palette.DARK.background()), rgb(dark, empty));
        int differ = 0;
        for (int y = 0; y < 300; y += 3) {
            for (int x = 0; x < 600; x += 3) {
                differ += light.getRGB(x, y) != dark.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differ > 100 * 200 / 3, "most of the picture changes with the theme: " + differ);
        // The bars keep their colours in both themes.
        assertEquals(rgb(light, at(geo, 600, 0, 1)), rgb(dark, at(geo, 600, 0, 1)));
    }
}
