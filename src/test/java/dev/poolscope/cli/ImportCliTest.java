package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** render --trace and compare --trace take other tools' traces; a broken one is one line, exit 2, no picture. */
class ImportCliTest extends InProcessCliTest {
    static final Path FIXTURES = Path.of("src/test/resources/dev/poolscope/traceimport");

    @TempDir
    static Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void renderDrawsAChromeTracesBarsWhereItsEventsAre() throws Exception {
        Path png = dir.resolve("mixed.png");
        assertEquals(0, poolscope("render", "--trace", FIXTURES.resolve("chrome-mixed.json").toString(), "--out",
                png.toString(), "--width", "1200", "--height", "520"), err);
        assertTrue(out.contains("the run at 729.0 ms"), out);
        BufferedImage image = ImageIO.read(png.toFile());
        // Five lanes between the axis and the bottom: in each, the middle of its bars is painted
        // (not the lane's background), and the middle of its gaps is not.
        int plotLeft = 190;
        double msPerPx = Math.max(1000, 729.0 * 1.08) / (1200 - plotLeft); // the shortest span shown is 1 s
        int readA = plotLeft + (int) (100 / msPerPx);
        int gapAB = plotLeft + (int) (224 / msPerPx);
        int step = plotLeft + (int) (600 / msPerPx);
        int laneA = rowWith(image, readA);
        assertTrue(laneA > 0, "a bar under read A's time");
        assertTrue(differs(image, readA, laneA, gapAB), "read A's bar ends before read B starts");
        assertTrue(rowWith(image, step) > laneA, "step is on a lane below the reader's");
    }

    @Test
    void compareTakesTracesOfOtherTools() {
        assertEquals(0, poolscope("compare", "--trace", FIXTURES.resolve("viztracer.json").toString(), "--trace",
                FIXTURES.resolve("dask-task-stream.json").toString()), err);
        assertTrue(out.contains("viztracer.json: makespan 640.3 ms"), out);
        assertTrue(out.contains("dask-task-stream.json: makespan"), out);
        assertTrue(out.contains("6 of 6"), out);
    }

    @Test
    void aBrokenTraceIsOneLineExitTwoAndNoPicture() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"traceEvents\": [{\"ph\": \"X\", \"name\": \"a\", \"ts\": 1}]}");
        Path png = dir.resolve("bad.png");
        assertEquals(2, poolscope("render", "--trace", bad.toString(), "--out", png.toString()));
        assertEquals("poolscope render: " + bad + ": traceEvents[0]: a X event needs a number dur (microseconds)", err.strip());
        assertFalse(Files.exists(png));
        assertEquals(2, poolscope("compare", "--trace", bad.toString(), "--trace", FIXTURES.resolve("viztracer.json").toString()));
        assertEquals(1, err.strip().lines().count(), err);
        assertEquals(2, poolscope("compare", "--trace", bad.toString()));
        assertTrue(err.contains("give two or more traces"), err);
    }

    /** The first y (from the top, below the axis) where column x is painted a saturated colour: a bar. */
    private static int rowWith(BufferedImage img, int x) {
        for (int y = 40; y < img.getHeight(); y++) {
            if (saturated(img.getRGB(x, y))) {
                return y;
            }
        }
        return -1;
    }

    private static boolean differs(BufferedImage img, int barX, int y, int gapX) {
        return saturated(img.getRGB(barX, y + 5)) && !saturated(img.getRGB(gapX, y + 5));
    }

    private static boolean saturated(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80;
    }
}
