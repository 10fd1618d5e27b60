package dev.poolscope.ui.export;

import dev.poolscope.files.AtomicFile;
import dev.poolscope.ui.replay.ReplayRun;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.Palette;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A stretch of a run as an animated GIF: frames at {@code fps} frames per second of playback,
 * each {@code speed} times as much run time as it is shown for, then the last moment held so a
 * looping GIF does not jump straight back to the start. Each frame is the timeline painted
 * through the window's own model and painter; call from any thread but the FX thread (frames
 * are drawn on it, one by one, while this thread encodes).
 */
public final class GifExport {
    /** More frames than this is a mistake, not a GIF anyone wants to load. */
    public static final int MAX_FRAMES = 3000;
    static final int HOLD_END_MS = 2000;

    /** What to animate and how. */
    public record Settings(long fromNs, long toNs, int fps, double speed, int width, int height, double scale,
                           Palette palette, double textScale) {
        /** Frames the GIF will have (the last moment included). */
        public int frameCount() {
            double stepNs = stepNs();
            return (int) Math.min(Integer.MAX_VALUE, Math.ceil((toNs - fromNs) / stepNs)) + 1;
        }

        double stepNs() {
            return 1e9 / fps * speed;
        }
    }

    private GifExport() {}

    /** Writes the GIF; returns the number of frames. */
    public static int write(ReplayRun run, Settings s, Path file) throws Exception {
        int frames = s.frameCount();
        if (frames > MAX_FRAMES) {
            throw new IllegalArgumentException("that is " + frames + " frames (at most " + MAX_FRAMES
                    + "): raise the speed, lower the frame rate or animate a shorter stretch");
        }
        int delayMs = Math.round(1000f / s.fps());
        Frames source = new Frames(run, s);
        AtomicFile.writeBinary(file, out -> {
            try (GifWriter gif = new GifWriter(out)) {
                for (int k = 0; k < frames; k++) {
                    long at = Math.min(s.toNs(), s.fromNs() + Math.round(k * s.stepNs()));
                    BufferedImage frame = frame(source, at);
                    gif.add(frame, k == frames - 1 ? HOLD_END_MS : delayMs);
                }
            }
        });
        return frames;
    }

    private static BufferedImage frame(Frames source, long at) throws IOException {
        try {
            return HeadlessFx.call(() -> source.at(at));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not draw the frame at " + at / 1_000_000 + " ms: " + e.getMessage(), e);
        }
    }

    /** One model fed forward frame by frame (FX thread): a GIF costs one pass over the events. */
    private static final class Frames {
        private final ReplayRun run;
        private final Settings s;
        private final TimelineModel live;
        private int applied;

        Frames(ReplayRun run, Settings s) {
            this.run = run;
            this.s = s;
            this.live = run.newLive();
        }

        BufferedImage at(long ns) {
            int upTo = run.eventsUpTo(ns);
            for (; applied < upTo; applied++) {
                live.apply(run.events().get(applied));
            }
            return ImageFiles.toRgb(TimelineImage.of(live, ns, s.toNs(), s.width(), s.height(), s.scale(),
                    s.palette(), s.textScale()));
        }
    }
}
