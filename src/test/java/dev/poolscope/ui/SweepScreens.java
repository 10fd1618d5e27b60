package dev.poolscope.ui;

import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunListener;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.scenario.Lessons;
import dev.poolscope.scenario.Scenario;
import dev.poolscope.ui.compare.ComparedRun;
import dev.poolscope.ui.compare.CompareWindow;
import dev.poolscope.ui.sweep.SweepView;
import dev.poolscope.ui.sweep.SweepWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the sweep or comparison window on a lesson, full screen, for the README's screenshots
 * (run under Xvfb, then take the picture with ImageMagick's import). Not a test: a tool.
 * Writes {@code ready-file} when the picture is complete.
 *
 * <pre>sweep   LESSON POOLS REPEATS SCALE READY-FILE
 * compare LESSON POOL-A POOL-B SCALE READY-FILE</pre>
 */
public final class SweepScreens {
    private SweepScreens() {}

    public static void main(String[] args) throws Exception {
        Scenario s = Lessons.load(args[1]);
        double scale = Double.parseDouble(args[4]);
        RunConfig base = scaled(s.config(), scale);
        Path ready = Path.of(args[5]);
        Platform.startup(() -> { });
        if (args[0].equals("sweep")) {
            Platform.runLater(() -> {
                Stage stage = SweepWindow.open(null, s.name(), base);
                fill(stage);
                SweepView view = (SweepView) stage.getUserData();
                // POOLS may name another setting: "chunksize=1,2,4".
                String[] vary = args[2].contains("=") ? args[2].split("=", 2) : new String[] {"pool", args[2]};
                view.setPlan(vary[0], vary[1], Integer.parseInt(args[3]));
                view.start();
                poll(view, ready);
            });
        } else {
            List<ComparedRun> runs = new ArrayList<>();
            for (String pool : new String[] {args[2], args[3]}) {
                RunConfig c = base.toBuilder().pool(Integer.parseInt(pool)).build();
                RunHandle h = new PoolService().start(c, RunListener.NONE);
                h.awaitDone(Duration.ofMinutes(5));
                runs.add(ComparedRun.of("pool " + pool, s.name(), c, h.events()));
            }
            Platform.runLater(() -> {
                fill(CompareWindow.open(null, s.name() + ": pool " + args[2] + " against " + args[3], runs));
                after(2, () -> touch(ready));
            });
        }
    }

    private static RunConfig scaled(RunConfig c, double scale) {
        List<TaskSpec> tasks = new ArrayList<>();
        c.tasks().forEach(t -> tasks.add(t.withMs(Math.round(t.ms() * scale))));
        return c.toBuilder().tasks(tasks).build();
    }

    private static void fill(Stage stage) {
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1600);
        stage.setHeight(1000);
    }

    private static void poll(SweepView view, Path ready) {
        after(1, () -> {
            if (view.running() || view.summary() == null) {
                poll(view, ready);
            } else {
                after(1, () -> touch(ready));
            }
        });
    }

    private static void after(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(javafx.util.Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    private static void touch(Path p) {
        try {
            Files.writeString(p, "ready");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
