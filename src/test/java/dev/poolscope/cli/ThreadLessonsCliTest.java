package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The threads-vs-processes lessons from the command line: listed, and run by name. */
class ThreadLessonsCliTest extends InProcessCliTest {
    @Test
    void lessonsListsTheThreadLessons() {
        assertEquals(0, poolscope("lessons"));
        for (String name : new String[] {"threads-cpu", "threads-cpu-processes", "threads-sleep",
                "threads-sleep-processes", "threads-pools", "threads-executor-broken"}) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(name + " ")), name + " listed:\n" + out);
        }
    }

    @Test
    void aThreadLessonRunsByItsNameWithItsThreadsOnLanes() {
        PythonRuns.python(); // skips the test where python3 is missing
        assertEquals(0, poolscope("run", "--lesson", "threads-sleep"), err);
        List<String> lanes = out.lines().filter(l -> l.matches("  slot \\d  pid \\d+ thread tid \\d+ \\(wait-\\d\\)"))
                .toList();
        assertEquals(4, lanes.size(), "four thread lanes:\n" + out);
        assertEquals(1, lanes.stream().map(l -> l.split(" +")[4]).distinct().count(), "of one process:\n" + out);
        assertTrue(out.contains("4 waiting threads of PID"), out);
    }
}
