package dev.poolscope.ui.export;

import static dev.poolscope.ui.export.KnownTrace.at;
import static dev.poolscope.ui.export.KnownTrace.near;
import static dev.poolscope.ui.export.KnownTrace.rgb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.ui.replay.ReplayRun;
import dev.poolscope.ui.timeline.Palette;
import dev.poolscope.ui.timeline.TimelineGeometry;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The animated GIF: as many frames as the settings ask, looping, with the bars growing frame by frame. */
class GifExportTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void framesShowTheBarsGrowing() throws Exception {
        Path out = dir.resolve("run.gif");
        ReplayRun run = ReplayRun.of(KnownTrace.trace(), "known");
        GifExport.Settings s = new GifExport.Settings(0, run.endNs(), 10, 1, 500, 200, 1, Palette.LIGHT, 1);
        int frames = GifExport.write(run, s, out);
        assertEquals(18, frames, "1700 ms at 100 ms a frame, and the end");

        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(18, reader.getNumImages(true));
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            assertEquals("10", attribute(first, "GraphicControlExtension", "delayTime"), "1/10 s a frame");
            assertEquals("NETSCAPE", attribute(first, "ApplicationExtension", "applicationID"), "loops");
            IIOMetadataNode last = (IIOMetadataNode) reader.getImageMetadata(17).getAsTree("javax_imageio_gif_image_1.0");
            assertEquals("200", attribute(last, "GraphicControlExtension", "delayTime"), "the end is held");

            TimelineGeometry geo = KnownTrace.geometry(500, 200);
            int a = rgb(Palette.task(0));
            BufferedImage start = reader.read(0);
            BufferedImage end = reader.read(17);
            assertEquals(500, start.getWidth());
            assertTrue(near(rgb(Palette.LIGHT.background()), rgb(start, at(geo, 600, 0, 1)), 6), "no bar at 0 ms");
            assertTrue(near(a, rgb(end, at(geo, 600, 0, 1)), 6), "A's bar in the last frame");
            int y = at(geo, 600, 0, 1)[1];
            int previous = -1;
            for (int k = 0; k < 18; k += 2) {
                int width = coloured(reader.read(k), y, a);
                assertTrue(width >= previous, "A's bar never shrinks: frame " + k + " " + width + " < " + previous);
                previous = width;
            }
            assertTrue(coloured(reader.read(6), y, a) > 0 && coloured(reader.read(6), y, a) < coloured(end, y, a),
                    "mid-run A is part grown");
        }
    }

    private static int coloured(BufferedImage img, int y, int colour) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            n += near(colour, img.getRGB(x, y) & 0xffffff, 6) ? 1 : 0;
        }
        return n;
    }

    private static String attribute(IIOMetadataNode root, String node, String attribute) {
        return ((IIOMetadataNode) root.getElementsByTagName(node).item(0)).getAttribute(attribute);
    }
}
