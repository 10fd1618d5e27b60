package dev.poolscope.ui;

import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.scenario.Lessons;
import dev.poolscope.scenario.Scenario;
import dev.poolscope.sweep.SweepPlan;
import dev.poolscope.sweep.SweepResult;
import dev.poolscope.sweep.SweepRun;
import dev.poolscope.sweep.SweepRunner;
import dev.poolscope.sweep.SweepSetting;
import dev.poolscope.ui.compare.ComparedRun;
import dev.poolscope.ui.compare.CompareWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Runs one lesson on each engine named (as Analyze > Compare Java, CPython and Dask does) and opens
 * the comparison window on the runs, 1600x1000, for the README's screenshot (run under Xvfb, then
 * ImageMagick's import). Not a test: a tool. Writes READY-FILE when the picture is complete.
 *
 * <pre>LESSON ENGINES SCALE READY-FILE      e.g. work-log java,cpython,dask 0.5 /tmp/ready</pre>
 */
public final class EngineScreens {
    private EngineScreens() {}

    public static void main(String[] args) throws Exception {
        Scenario s = Lessons.load(args[0]);
        double scale = Double.parseDouble(args[2]);
        List<TaskSpec> tasks = new ArrayList<>();
        s.config().tasks().forEach(t -> tasks.add(t.withMs(Math.round(t.ms() * scale))));
        RunConfig base = s.config().toBuilder().tasks(tasks).build();
        SweepPlan plan = SweepPlan.of(s.name(), base, SweepSetting.ENGINE, List.of(args[1].split(",")), 1);
        SweepResult result = new SweepRunner(new PoolService()).run(plan, null);
        List<ComparedRun> runs = new ArrayList<>();
        for (SweepRun r : result.runs()) {
            runs.add(ComparedRun.of(plan.label(r.valueIndex()), s.name(), r.trace().pool() == base.pool() ? r.config()
                    : r.config().toBuilder().pool(r.trace().pool()).build(), r.events()));
        }
        Path ready = Path.of(args[3]);
        Platform.startup(() -> { });
        Platform.runLater(() -> {
            Stage stage = CompareWindow.open(null, s.name() + ": engine = " + String.join(", ", plan.values()), runs);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1600);
            stage.setHeight(1000);
            PauseTransition p = new PauseTransition(javafx.util.Duration.seconds(3));
            p.setOnFinished(e -> {
                try {
                    Files.writeString(ready, "ready");
                } catch (java.io.IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
            p.play();
        });
    }
}
