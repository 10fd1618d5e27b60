package dev.poolscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.ui.timeline.Palette;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** An SVG of a program's run: the main process's calls collapsed into a group keep their words in its title. */
class SvgCallGroupTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aCollapsedGroupKeepsItsCallsInItsTitle() {
        List<RunEvent> events = new ArrayList<>();
        events.add(new RunEvent.ProgramStarted(0, 4242, "p.py", "python3"));
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            String text = "start() of PID " + (2_000_000 + k) + " w" + k + "()";
            texts.add(text);
            events.add(new RunEvent.ProcessMark(5_000_000L + k * 1_000_000L, -1, 4242, RunEvent.ProcessMark.START,
                    2_000_000 + k, text));
        }
        events.add(new RunEvent.RunFinished(2_000_000_000L, false));
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(1).chunksize(1)
                .task(TaskSpec.of("t", TaskKind.SLEEP, 1)).build();
        // A 2 s axis on 600 px, a lane with room for one row of words: twelve calls 1 ms apart
        // fall on a few pixels.
        String svg = SvgTimeline.of(new RunMoment("p.py", config, events, 2_000_000_000L, 2_000_000_000L), 600, 64, 1,
                Palette.LIGHT, 1);
        int group = svg.indexOf("<g class=\"mark-group\"><title>");
        assertTrue(group >= 0, "a collapsed group is drawn: " + svg);
        String title = svg.substring(group, svg.indexOf("</title>", group));
        long named = texts.stream().filter(title::contains).count();
        assertTrue(named >= 2, "the group's title names its calls: " + title);
        assertTrue(title.contains("\n") || title.contains("&#10;"), "one call per line: " + title);
    }
}
