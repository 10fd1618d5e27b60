package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.trace.TraceJson;
import dev.poolscope.ui.export.KnownTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxToolkit;

/** {@code poolscope render}, in-process: good input makes the picture; bad input one line, exit 2, no file. */
class RenderCommandTest extends InProcessCliTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        // The toolkit through TestFX, so the window tests of the same JVM find it as they expect.
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void rendersAPngOfTheGivenSize() throws Exception {
        Path trace = KnownTrace.write(dir);
        Path png = dir.resolve("ok.png");
        assertEquals(0, poolscope("render", "--trace", trace.toString(), "--out", png.toString(), "--width", "300",
                "--height", "150", "--scale", "2", "--at", "800", "--theme", "dark"), err);
        var image = ImageIO.read(png.toFile());
        assertEquals(600, image.getWidth());
        assertEquals(300, image.getHeight());
        assertTrue(out.contains("600 x 300 px"), out);
    }

    static Stream<Arguments> badInput() throws Exception {
        Path good = KnownTrace.write(dir);
        Path scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, "{\"name\": \"x\", \"tasks\": [{\"name\": \"A\", \"kind\": \"sleep\", \"ms\": 5}]}");
        Path truncated = dir.resolve("truncated.json");
        String json = TraceJson.toJson(KnownTrace.trace());
        Files.writeString(truncated, json.substring(0, json.length() / 2));
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, json.replace("\"version\" : " + dev.poolscope.trace.TraceJson.VERSION, "\"version\" : 7"));
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not json at all");
        return Stream.of(
                Arguments.of("a scenario, not a trace", scenario, List.of(), "not a PoolScope trace"),
                Arguments.of("a text file", text, List.of(), "line 1, column 5: unexpected word"),
                Arguments.of("a truncated trace", truncated, List.of(), "the text ends too early"),
                Arguments.of("a newer format version", newer, List.of(), "version 7 is newer"),
                Arguments.of("a missing trace", dir.resolve("nope.json"), List.of(), "no such file"),
                Arguments.of("--at past the end", good, List.of("--at", "5000"), "--at: 5000 ms is past the end of the run (1700.000 ms)"),
                Arguments.of("--at negative", good, List.of("--at", "-1"), "--at: must be 0 or more"),
                Arguments.of("width 0", good, List.of("--width", "0"), "--width: must be from 16"),
                Arguments.of("height 100000", good, List.of("--height", "100000"), "--height: must be from 16"),
                Arguments.of("scale 0", good, List.of("--scale", "0"), "--scale: must be from 0.25"),
                Arguments.of("a theme that is not one", good, List.of("--theme", "blue"), "--theme: must be light or dark"),
                Arguments.of("an unknown extension", good, List.of("--out", dir.resolve("x.bmp").toString()),
                        "--out: must end in .png, .svg or .gif"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsOneLineExitTwoAndNoFile(String name, Path trace, List<String> extra, String expected) throws Exception {
        Path png = extra.contains("--out") ? Path.of(extra.get(extra.indexOf("--out") + 1))
                : dir.resolve("bad-" + name.replaceAll("\\W+", "-") + ".png");
        List<String> args = new java.util.ArrayList<>(List.of("render", "--trace", trace.toString()));
        if (!extra.contains("--out")) {
            args.addAll(List.of("--out", png.toString()));
        }
        args.addAll(extra);
        assertEquals(2, poolscope(args.toArray(new String[0])), err);
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line: " + err);
        assertTrue(lines.get(0).contains(expected), lines.get(0));
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(png), "no file written");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void runDrawsTheFinishedRunAsAPng() throws Exception {
        Path png = dir.resolve("doubling.png");
        assertEquals(0, poolscope("run", "--lesson", "doubling", "--pool", "2", "--png", png.toString(), "--width", "400",
                "--height", "200"), err);
        var image = ImageIO.read(png.toFile());
        assertEquals(400, image.getWidth());
        assertEquals(200, image.getHeight());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 200; x < 400; x++) {
            for (int y = 40; y < 200; y += 4) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertTrue(colours.contains(dev.poolscope.ui.export.KnownTrace.rgb(dev.poolscope.ui.timeline.Palette.task(0))),
                "task 0's bar is drawn");
        assertTrue(err.contains(png + ": PNG, 400 x 200 px"), err);
    }

    @Test
    void runRefusesABadPngBeforeItStarts() {
        Path jpg = dir.resolve("x.jpg");
        assertEquals(2, poolscope("run", "--lesson", "doubling", "--png", jpg.toString()));
        assertEquals(1, err.lines().filter(l -> !l.isBlank()).count(), err);
        assertTrue(err.contains("--png: must end in .png"), err);
        assertFalse(err.contains("Running"), "nothing ran: " + err);
        assertEquals(2, poolscope("run", "--lesson", "doubling", "--png", dir.resolve("y.png").toString(), "--width", "0"));
        assertTrue(err.contains("--width: must be from 16"), err);
    }

    @Test
    void anOutputThatCannotBeWrittenLeavesNothingAndSaysWhy() throws Exception {
        Path trace = KnownTrace.write(dir);
        Path png = dir.resolve("no-such-dir").resolve("x.png");
        assertEquals(2, poolscope("render", "--trace", trace.toString(), "--out", png.toString()));
        assertEquals(1, err.lines().filter(l -> !l.isBlank()).count(), err);
        assertTrue(err.contains("does not exist"), err);
        assertFalse(Files.exists(png));
    }
}
