package dev.poolscope.ui.export;

import dev.poolscope.trace.RunTrace;
import dev.poolscope.ui.replay.ReplayRun;
import dev.poolscope.ui.timeline.Palette;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The command line's pictures: a trace (a file, or a run just made) drawn at one moment as PNG
 * or SVG, or animated as GIF, with no display: JavaFX runs on Monocle's headless platform and
 * the pictures come from the window's own models and painter. Every problem with the input is
 * one line on {@code err} and exit code 2, before anything is written.
 */
public final class HeadlessRender {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;

    private HeadlessRender() {}

    /** Renders a trace file. */
    public static int render(Path traceFile, RenderSpec spec, PrintStream out, PrintStream err) {
        return render("poolscope", traceFile, spec, out, err);
    }

    /** Renders a trace file; {@code who} ("poolscope render") starts every message on {@code err}. */
    public static int render(String who, Path traceFile, RenderSpec spec, PrintStream out, PrintStream err) {
        if (!spec.problems().isEmpty()) {
            spec.problems().forEach(p -> err.println(who + ": " + p));
            return BAD_INPUT;
        }
        RunTrace trace;
        try {
            trace = dev.poolscope.traceimport.AnyTrace.read(traceFile);
        } catch (IOException e) {
            err.println(who + ": " + e.getMessage());
            return BAD_INPUT;
        }
        String name = String.valueOf(traceFile.getFileName()).replaceFirst("\\.json$", "");
        return render(who, trace, name, String.valueOf(traceFile), spec, out, err);
    }

    /** Renders a trace held in memory ({@code where} names it in messages). */
    public static int render(RunTrace trace, String name, String where, RenderSpec spec, PrintStream out,
                             PrintStream err) {
        return render("poolscope", trace, name, where, spec, out, err);
    }

    /** As above; {@code who} ("poolscope run") starts every message on {@code err}. */
    public static int render(String who, RunTrace trace, String name, String where, RenderSpec spec, PrintStream out,
                             PrintStream err) {
        if (!spec.problems().isEmpty()) {
            spec.problems().forEach(p -> err.println(who + ": " + p));
            return BAD_INPUT;
        }
        ReplayRun run;
        try {
            run = ReplayRun.of(trace, name);
        } catch (IllegalArgumentException e) {
            err.println(who + ": " + where + ": " + e.getMessage());
            return BAD_INPUT;
        }
        long at = spec.atMs() == null ? run.endNs() : Math.round(spec.atMs() * 1_000_000);
        if (at > run.endNs()) {
            err.println(String.format(Locale.ROOT, "%s: --at: %s ms is past the end of the run (%.3f ms)", who,
                    fmt(spec.atMs()), run.endNs() / 1e6));
            return BAD_INPUT;
        }
        try {
            HeadlessFx.start();
            String what = write(run, at, spec);
            out.println(spec.out() + ": " + what);
            return OK;
        } catch (IllegalArgumentException e) {
            err.println(who + ": " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println(who + ": --out: " + dev.poolscope.files.WriteFailure.of(spec.out(), e));
            return BAD_INPUT;
        } catch (Exception e) {
            err.println(who + ": --out: could not draw " + spec.out() + ": " + oneLine(e));
            return BAD_INPUT;
        }
    }

    private static String write(ReplayRun run, long at, RenderSpec spec) throws Exception {
        Palette palette = spec.dark() ? Palette.DARK : Palette.LIGHT;
        int w = spec.width();
        int h = spec.height();
        double s = spec.scale();
        String px = TimelineImage.pixels(w, s) + " x " + TimelineImage.pixels(h, s) + " px";
        switch (spec.kind()) {
            case "svg" -> {
                String svg = HeadlessFx.call(() -> SvgTimeline.of(RunMoment.of(run, at), w, h, s, palette, 1));
                SvgTimeline.write(svg, spec.out());
                return "SVG, " + w + " x " + h + ", the run at " + ms(at);
            }
            case "gif" -> {
                int frames = GifExport.write(run, new GifExport.Settings(0, at, spec.fps(), spec.speed(), w, h, s,
                        palette, 1), spec.out());
                return "GIF, " + px + ", " + frames + " frames, 0 to " + ms(at);
            }
            default -> {
                RunMoment m = RunMoment.of(run, at);
                var image = HeadlessFx.call(() -> ImageFiles.toRgb(spec.full()
                        ? RunPicture.of(m, w, h, s, spec.dark(), 1)
                        : TimelineImage.of(m, w, h, s, palette, 1)));
                ImageFiles.writePng(image, spec.out());
                return "PNG, " + px + ", the run at " + ms(at);
            }
        }
    }

    private static String ms(long ns) {
        return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
