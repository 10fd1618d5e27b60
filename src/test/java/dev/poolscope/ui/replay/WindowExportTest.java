package dev.poolscope.ui.replay;

import static dev.poolscope.ui.export.KnownTrace.at;
import static dev.poolscope.ui.export.KnownTrace.rgb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.ui.export.ExportChoice;
import dev.poolscope.ui.export.KnownTrace;
import dev.poolscope.ui.timeline.Palette;
import dev.poolscope.ui.timeline.TimelineGeometry;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Spinner;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** File > Export Image through its dialog, and the other exports the window offers. */
class WindowExportTest extends TraceWindowTest {
    @TempDir
    Path dir;

    private void openAtEnd() throws Exception {
        Path trace = KnownTrace.write(dir);
        assertTrue(fx(() -> window.traces().openTrace(trace)));
        fx(() -> {
            window.traces().replay().seek(KnownTrace.END_NS);
            return null;
        });
    }

    @Test
    void exportImageDialogWritesThePngAtTheChosenSizeAndScale(FxRobot robot) throws Exception {
        openAtEnd();
        Path png = dir.resolve("from-window.png");
        answers.add(png);
        robot.clickOn("File").clickOn("Export Image\u2026");
        Spinner<Integer> width = robot.lookup("#exportWidth").query();
        Spinner<Integer> height = robot.lookup("#exportHeight").query();
        fx(() -> {
            width.getValueFactory().setValue(500);
            height.getValueFactory().setValue(250);
            return null;
        });
        robot.clickOn("#exportScale").clickOn("2\u00d7 (slides, retina)");
        // Set directly: "Dark" is also the window's own theme button, behind the dialog.
        javafx.scene.control.ChoiceBox<ExportChoice.Theme> theme = robot.lookup("#exportTheme").query();
        fx(() -> {
            theme.setValue(ExportChoice.Theme.DARK);
            return null;
        });
        robot.clickOn("Export\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.exists(png), "the PNG was written");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(500, img.getHeight());
        TimelineGeometry geo = KnownTrace.geometry(500, 250);
        assertEquals(KnownTrace.rgb(Palette.task(0)), rgb(img, at(geo, 600, 0, 2)), "A where the trace ran it");
        assertEquals(KnownTrace.rgb(Palette.task(2)), rgb(img, at(geo, 1300, 1, 2)), "C where the trace ran it");
        assertEquals(KnownTrace.rgb(Palette.DARK.background()), rgb(img, at(geo, 1350, 0, 2)), "dark, as chosen");
        assertTrue(robot.lookup("#exportNotice").queryLabeled().getText().contains("from-window.png"),
                "the window says what it wrote");
    }

    @Test
    void svgFullAndWholeWindowExports() throws Exception {
        openAtEnd();
        Path svg = dir.resolve("t.svg");
        assertTrue(fx(() -> window.traces().exports().exportTo(
                new ExportChoice(ExportChoice.What.TIMELINE, true, 800, 300, 1, ExportChoice.Theme.LIGHT), svg)));
        String text = Files.readString(svg);
        assertEquals(3, text.split("<g class=\"task\">", -1).length - 1, "a group per task");

        Path full = dir.resolve("full.png");
        assertTrue(fx(() -> window.traces().exports().exportTo(
                new ExportChoice(ExportChoice.What.FULL, false, 900, 700, 1, ExportChoice.Theme.CURRENT), full)));
        BufferedImage f = ImageIO.read(full.toFile());
        assertEquals(900, f.getWidth());
        assertEquals(700, f.getHeight());

        Path whole = dir.resolve("window.png");
        assertTrue(fx(() -> window.traces().exports().exportTo(
                new ExportChoice(ExportChoice.What.WINDOW, false, 0, 0, 2, ExportChoice.Theme.CURRENT), whole)));
        BufferedImage w = ImageIO.read(whole.toFile());
        double sceneWidth = fx(() -> window.stage().getScene().getWidth());
        assertEquals((int) Math.round(sceneWidth * 2), w.getWidth(), "the window at 2x");
    }

    @Test
    void theSweepWindowExportsAsItIsShown() throws Exception {
        Path png = dir.resolve("sweep.png");
        assertTrue(!fx(() -> window.traces().exports().exportTo(
                new ExportChoice(ExportChoice.What.SWEEP, false, 0, 0, 1, ExportChoice.Theme.CURRENT), png)),
                "no sweep window yet: nothing written");
        assertTrue(!Files.exists(png));
        javafx.stage.Stage sweep = fx(() -> dev.poolscope.ui.sweep.SweepWindow.open(window.stage(), "work-log",
                window.config().toRunConfig(false)));
        try {
            assertTrue(fx(() -> window.traces().exports().exportTo(
                    new ExportChoice(ExportChoice.What.SWEEP, false, 0, 0, 2, ExportChoice.Theme.CURRENT), png)));
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals((int) Math.round(fx(() -> sweep.getScene().getWidth()) * 2), img.getWidth());
        } finally {
            fx(() -> {
                sweep.close();
                return null;
            });
        }
    }

    @Test
    void bookmarksBecomeNumberedCaptionedPictures() throws Exception {
        openAtEnd();
        fx(() -> {
            ReplayController r = window.traces().replay();
            r.seek(0);
            r.addBookmark("Start");
            r.seek(KnownTrace.ms(500));
            r.addBookmark("B finishes");
            r.seek(KnownTrace.END_NS);
            r.addBookmark("All done!");
            return null;
        });
        Path out = dir.resolve("steps");
        List<Path> files = fx(() -> window.traces().exports().exportBookmarksTo(out));
        assertEquals(List.of("01-start.png", "02-b-finishes.png", "03-all-done.png"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        BufferedImage first = ImageIO.read(files.get(0).toFile());
        BufferedImage last = ImageIO.read(files.get(2).toFile());
        ExportChoice c = fx(() -> window.traces().exports().lastChoice());
        assertEquals(c.width(), first.getWidth());
        assertEquals(c.height(), first.getHeight());
        // The caption band along the bottom is the header colour, with the caption's text in it.
        int bandY = c.height() - 10;
        assertEquals(KnownTrace.rgb(Palette.LIGHT.header()), first.getRGB(c.width() / 2, bandY) & 0xffffff);
        int ink = 0;
        for (int x = 0; x < 200; x++) {
            for (int y = c.height() - 40; y < c.height(); y++) {
                ink += (first.getRGB(x, y) & 0xffffff) == KnownTrace.rgb(Palette.LIGHT.header()) ? 0 : 1;
            }
        }
        assertTrue(ink > 100, "the caption is drawn in the band: " + ink + " pixels of ink");
        int differ = 0;
        for (int y = 0; y < c.height() - 50; y += 4) {
            for (int x = 0; x < c.width(); x += 4) {
                differ += first.getRGB(x, y) != last.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differ > 500, "the start and the end are different pictures: " + differ);
    }
}
