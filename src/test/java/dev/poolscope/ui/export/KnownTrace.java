package dev.poolscope.ui.export;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.trace.TraceJson;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.TimelineGeometry;
import dev.poolscope.ui.timeline.TimelinePicture;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run whose every time is known: pool 2; A on W0 from 100 to 1100 ms; B on W1 from 100 to
 * 500 ms, then C on W1 from 600 to 1600 ms; the workers exit at 1650 and 1700 ms, the end.
 * Where a picture puts things comes from {@link TimelineGeometry}, the one class that decides it.
 */
public final class KnownTrace {
    public static final long END_NS = ms(1700);

    private KnownTrace() {}

    public static long ms(double ms) {
        return Math.round(ms * 1_000_000);
    }

    public static RunTrace trace() {
        return TraceBuilder.of("known", config(), events());
    }

    public static RunConfig config() {
        return RunConfig.builder().mode(Mode.MAP).pool(2).chunksize(1)
                .task(TaskSpec.of("A", TaskKind.SLEEP, 1000)).task(TaskSpec.of("B", TaskKind.SLEEP, 400))
                .task(TaskSpec.of("C", TaskKind.SLEEP, 1000)).build();
    }

    /** The run's events, in order. */
    public static List<RunEvent> events() {
        List<RunEvent> e = new ArrayList<>();
        e.add(new RunEvent.WorkerSpawned(0, 0, 101, 0));
        e.add(new RunEvent.WorkerStateChanged(0, 0, 101, WorkerState.STARTING));
        e.add(new RunEvent.WorkerSpawned(0, 1, 102, 0));
        e.add(new RunEvent.WorkerStateChanged(0, 1, 102, WorkerState.STARTING));
        e.add(new RunEvent.WorkerStateChanged(ms(50), 0, 101, WorkerState.IDLE));
        e.add(new RunEvent.WorkerStateChanged(ms(60), 1, 102, WorkerState.IDLE));
        e.add(new RunEvent.TaskStarted(ms(100), 0, 0, 101, 0));
        e.add(new RunEvent.TaskStarted(ms(100), 1, 1, 102, 1));
        e.add(new RunEvent.OutputLine(ms(200), 1, 1, 102, "B says hello"));
        e.add(new RunEvent.TaskFinished(ms(500), 1, 1, 102, TaskStatus.OK, "4", null));
        e.add(new RunEvent.TaskStarted(ms(600), 2, 1, 102, 2));
        e.add(new RunEvent.TaskFinished(ms(1100), 0, 0, 101, TaskStatus.OK, "1", null));
        e.add(new RunEvent.TaskFinished(ms(1600), 2, 1, 102, TaskStatus.OK, "9", null));
        for (int i = 0; i < 3; i++) {
            e.add(new RunEvent.ResultDelivered(ms(1600), i, TaskStatus.OK, String.valueOf((i + 1) * (i + 1)), null));
        }
        e.add(new RunEvent.WorkerExited(ms(1650), 0, 101, ExitKind.NORMAL, 0, null, "exited normally"));
        e.add(new RunEvent.WorkerExited(ms(1700), 1, 102, ExitKind.NORMAL, 0, null, "exited normally"));
        e.add(new RunEvent.RunFinished(ms(1700), false));
        return e;
    }

    public static Path write(Path dir) throws Exception {
        Path file = dir.resolve("known.json");
        TraceJson.write(trace(), file);
        return file;
    }

    /** The geometry a picture of the whole run uses at this size (1x text). */
    public static TimelineGeometry geometry(int width, int height) {
        TimelineModel run = new TimelineModel(List.of("A", "B", "C"), 2);
        return TimelinePicture.geometry(run, width, height, 1, END_NS);
    }

    /** The pixel (in image pixels) at a time and in the middle of a lane's bar, a little below its label. */
    public static int[] at(TimelineGeometry geo, double ms, int lane, double scale) {
        double x = geo.xOf(ms(ms));
        double y = geo.laneTop(lane) + geo.laneHeight() * 0.75;
        return new int[] {(int) Math.floor(x * scale), (int) Math.floor(y * scale)};
    }

    public static int rgb(BufferedImage image, int[] xy) {
        return image.getRGB(xy[0], xy[1]) & 0xffffff;
    }

    public static int rgb(javafx.scene.paint.Color c) {
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    /** Whether two colours are the same within a small tolerance per channel (antialiasing, rounding). */
    public static boolean near(int a, int b, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
