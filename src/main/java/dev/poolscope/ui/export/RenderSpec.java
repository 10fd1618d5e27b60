package dev.poolscope.ui.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a headless render should make: the output file (PNG, SVG or GIF by its extension), the
 * size in points and the scale (the picture is exactly width*scale x height*scale pixels), the
 * moment ({@code atMs}, null for the end), the theme, and timeline alone or the full run area.
 * Plain Java: the command line checks it before any JavaFX is loaded.
 */
public record RenderSpec(Path out, int width, int height, double scale, Double atMs, boolean dark, boolean full,
                         int fps, double speed) {
    public static final int MIN_SIZE = 16;
    public static final int MAX_PIXELS_PER_SIDE = 16_384;
    public static final double MIN_SCALE = 0.25;
    public static final double MAX_SCALE = 4;

    /** The output's kind, from its extension: "png", "svg", "gif", or null for anything else. */
    public String kind() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String k : List.of("png", "svg", "gif")) {
            if (name.endsWith("." + k)) {
                return k;
            }
        }
        return null;
    }

    /** Each problem as "--option: reason, got value"; empty when the spec can be rendered. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (kind() == null) {
            p.add("--out: must end in .png, .svg or .gif, got " + out);
        }
        if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
            p.add("--scale: must be from " + MIN_SCALE + " to " + MAX_SCALE + ", got " + scale);
        }
        size(p, "--width", width);
        size(p, "--height", height);
        if (atMs != null && !(atMs >= 0)) {
            p.add("--at: must be 0 or more milliseconds, got " + atMs);
        }
        if (full && !"png".equals(kind()) && kind() != null) {
            p.add("--what full: only as PNG (SVG and GIF show the timeline), got " + out.getFileName());
        }
        if (fps < 1 || fps > 50) {
            p.add("--fps: must be from 1 to 50, got " + fps);
        }
        if (!(speed >= 0.01 && speed <= 1000)) {
            p.add("--speed: must be from 0.01 to 1000, got " + speed);
        }
        return p;
    }

    private void size(List<String> p, String option, int value) {
        if (value < MIN_SIZE || value * scale > MAX_PIXELS_PER_SIDE) {
            p.add(option + ": must be from " + MIN_SIZE + " to " + (int) (MAX_PIXELS_PER_SIDE / Math.max(scale, MIN_SCALE))
                    + " (at most " + MAX_PIXELS_PER_SIDE + " pixels with the scale), got " + value);
        }
    }
}
