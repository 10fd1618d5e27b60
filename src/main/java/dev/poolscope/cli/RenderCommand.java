package dev.poolscope.cli;

import dev.poolscope.ui.export.HeadlessRender;
import dev.poolscope.ui.export.RenderSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code render}: a saved trace as a picture, with no display (the drawing is the window's own,
 * on JavaFX's headless Monocle platform; see {@link HeadlessRender}). This class only reads the
 * options, so the command line itself loads no JavaFX.
 */
@Command(name = "render", description = {"Draws a saved trace as a PNG, SVG or animated GIF (by the --out extension), with no display.",
        "For CI, servers and tutorial build scripts."})
final class RenderCommand implements Callable<Integer> {
    @Option(names = "--trace", paramLabel = "FILE", required = true, description = "a trace JSON file (run --trace, or Save trace in the window)")
    Path trace;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the picture: .png, .svg or .gif")
    Path out;

    @Mixin
    PictureSize size;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1", description = "pixels per point: 2 for slides and retina (default 1)")
    double scale;

    @Option(names = "--at", paramLabel = "MS", description = "draw the run as it stood MS ms after it started (default: the end); for a GIF, where it stops")
    Double atMs;

    @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light",
            description = "the window's light or dark colours (default ${DEFAULT-VALUE})")
    String theme;

    @Option(names = "--what", paramLabel = "timeline|full", defaultValue = "timeline",
            description = "the timeline alone, or the full run area: timeline, legend, queue, results, console and statistics")
    String what;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "10", description = "GIF frames per second (default ${DEFAULT-VALUE})")
    int fps;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1", description = "GIF playback speed: 2 plays the run twice as fast (default 1)")
    double speed;

    /** {@code run --png}: what is wrong with the picture's options, or null (checked before the run). */
    static String pngProblem(Path png, int width, int height) {
        if (png == null) {
            return null;
        }
        if (!String.valueOf(png.getFileName()).toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            return "--png: must end in .png, got " + png;
        }
        java.util.List<String> p = new RenderSpec(png, width, height, 1, null, false, false, 10, 1).problems();
        return p.isEmpty() ? OutputFiles.problem("--png", png) : p.get(0);
    }

    /** {@code run --png}: the finished run's timeline; false (and one line on stderr) when it cannot be written. */
    static boolean writePng(dev.poolscope.trace.RunTrace trace, String name, Path png, int width, int height) {
        RenderSpec spec = new RenderSpec(png, width, height, 1, null, false, false, 10, 1);
        return HeadlessRender.render("poolscope run", trace, name, "--png", spec, System.err, System.err) == HeadlessRender.OK;
    }

    @Override
    public Integer call() {
        if (!theme.equals("light") && !theme.equals("dark")) {
            throw new BadInput("--theme: must be light or dark, got " + theme);
        }
        if (!what.equals("timeline") && !what.equals("full")) {
            throw new BadInput("--what: must be timeline or full, got " + what);
        }
        String unwritable = OutputFiles.problem("--out", out);
        if (unwritable != null) {
            throw new BadInput(unwritable);
        }
        RenderSpec spec = new RenderSpec(out, size.width, size.height, scale, atMs, theme.equals("dark"), what.equals("full"),
                fps, speed);
        return HeadlessRender.render("poolscope render", trace, spec, System.out, System.err);
    }
}
