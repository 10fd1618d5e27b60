package dev.poolscope.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareReportTest {
    /** The text frame around each run's lanes: its corners sit exactly above and below the lanes' bars. */
    @Test
    void theFrameLinesUpWithTheLanes() {
        RunConfig base = RunConfig.builder().mode(Mode.MAP).pool(1).chunksize(1)
                .task(TaskSpec.of("a", TaskKind.SLEEP, 10)).task(TaskSpec.of("b", TaskKind.SLEEP, 10)).build();
        SweepPlan plan = SweepPlan.of("s", base, SweepSetting.POOL, List.of("1", "2"), 1);
        Comparison c = new Comparison(List.of("pool 1", "pool 2"),
                List.of(FakeRuns.run(plan, 0, 0, 20, 20, 10).trace(), FakeRuns.run(plan, 1, 0, 10, 20, 10).trace()));
        String text = CompareReport.render("s", c);
        List<String> frames = text.lines().filter(l -> l.trim().startsWith("+")).toList();
        List<String> lanes = text.lines().filter(l -> l.trim().startsWith("W") && l.contains("|")).toList();
        assertTrue(!frames.isEmpty() && !lanes.isEmpty(), text);
        for (String f : frames) {
            for (String l : lanes) {
                assertEquals(l.indexOf('|'), f.indexOf('+'), "left edges:\n" + f + "\n" + l);
                assertEquals(l.lastIndexOf('|'), f.lastIndexOf('+'), "right edges:\n" + f + "\n" + l);
            }
        }
    }
}
