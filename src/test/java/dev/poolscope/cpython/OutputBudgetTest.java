package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.RunEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run keeps of a program's printed lines: the first and the last, within bounds, however much it prints. */
class OutputBudgetTest {
    private static RunEvent.OutputLine line(long i, String text) {
        return new RunEvent.OutputLine(i * 1000, -1, -1, 7, text);
    }

    @Test
    void aMillionLinesKeepTheFirstAndTheLastAndCountTheRest() {
        OutputBudget b = new OutputBudget();
        int shown = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (b.admit(line(i, "line " + i))) {
                shown++;
            }
        }
        assertEquals(OutputBudget.HEAD_LINES, shown);
        List<RunEvent.OutputLine> tail = b.takeTail();
        assertEquals(OutputBudget.TAIL_LINES, tail.size());
        assertEquals("line 999999", tail.get(tail.size() - 1).text());
        RunEvent.OutputTruncated cut = b.leftOut(7);
        assertEquals(1_000_000 - OutputBudget.HEAD_LINES - OutputBudget.TAIL_LINES, cut.lines());
        assertEquals(OutputBudget.HEAD_LINES * 1000L, cut.at(), "at the first line left out");
    }

    @Test
    void longLinesAreBoundedByBytes() {
        OutputBudget b = new OutputBudget();
        String kb = "y".repeat(999);
        long shownBytes = 0;
        for (int i = 0; i < 50_000; i++) {
            RunEvent.OutputLine l = line(i, kb);
            if (b.admit(l)) {
                shownBytes += OutputBudget.bytes(l);
            }
        }
        assertTrue(shownBytes <= OutputBudget.HEAD_BYTES, String.valueOf(shownBytes));
        long tailBytes = b.takeTail().stream().mapToLong(OutputBudget::bytes).sum();
        assertTrue(tailBytes <= OutputBudget.TAIL_BYTES, String.valueOf(tailBytes));
        assertEquals(50_000L * 1000 - shownBytes - tailBytes, b.leftOut(7).bytes());
    }

    @Test
    void aFewLinesAreAllKept() {
        OutputBudget b = new OutputBudget();
        for (int i = 0; i < 100; i++) {
            assertTrue(b.admit(line(i, "ünï " + i)));
        }
        assertEquals(List.of(), b.takeTail());
        assertNull(b.leftOut(7));
        assertEquals(8, OutputBudget.bytes(line(0, "ünï 0")), "UTF-8 bytes (ü and ï take two) and the newline");
    }
}
