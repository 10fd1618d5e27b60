package dev.poolscope.cpython;

import dev.poolscope.engine.Limits;
import dev.poolscope.engine.RunEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run keeps of what its program prints (issue 19, defect 11: a program that printed 200 MB
 * made a 419 MB trace, and PoolScope kept all of it in memory while the run went). The program
 * itself is not changed: it prints all it prints and runs to its end. PoolScope keeps the first
 * {@link #HEAD_LINES} lines (at most {@link #HEAD_BYTES} bytes), shown as they come, and the last
 * {@link #TAIL_LINES} (at most {@link #TAIL_BYTES}), held here and let go when the run ends;
 * what lies between is counted, said in one {@link RunEvent.OutputTruncated} of the run (index -1)
 * and not kept. So memory stays bounded however fast and long a program prints. Guarded by the
 * run's lock.
 */
final class OutputBudget {
    static final int HEAD_LINES = Limits.MAX_RUN_OUTPUT_LINES / 2;
    static final long HEAD_BYTES = Limits.MAX_RUN_OUTPUT_CHARS / 2;
    static final int TAIL_LINES = Limits.MAX_RUN_OUTPUT_LINES / 2;
    static final long TAIL_BYTES = Limits.MAX_RUN_OUTPUT_CHARS / 2;

    private final int headLines;
    private final long headBytes;
    private final int tailLines;
    private final long tailBytes;
    private int linesKept;
    private long bytesKept;
    private boolean headFull;
    private final ArrayDeque<RunEvent.OutputLine> tail = new ArrayDeque<>();
    private long tailBytesHeld;
    private long leftOutLines;
    private long leftOutBytes;
    /** When the first line left out was written (ns since the run started), or -1. */
    private long firstLeftOutAt = -1;

    OutputBudget() {
        this(HEAD_LINES, HEAD_BYTES, TAIL_LINES, TAIL_BYTES);
    }

    OutputBudget(int headLines, long headBytes, int tailLines, long tailBytes) {
        this.headLines = headLines;
        this.headBytes = headBytes;
        this.tailLines = tailLines;
        this.tailBytes = tailBytes;
    }

    /** Whether the line is one of the first: shown now. Otherwise it is held for the last part, or counted and let go. */
    boolean admit(RunEvent.OutputLine line) {
        long bytes = bytes(line);
        if (!headFull && linesKept < headLines && bytesKept + bytes <= headBytes) {
            linesKept++;
            bytesKept += bytes;
            return true;
        }
        headFull = true;
        tail.addLast(line);
        tailBytesHeld += bytes;
        while (tail.size() > tailLines || tailBytesHeld > tailBytes) {
            RunEvent.OutputLine old = tail.pollFirst();
            long b = bytes(old);
            tailBytesHeld -= b;
            leftOutLines++;
            leftOutBytes += b;
            if (firstLeftOutAt < 0 || old.at() < firstLeftOutAt) {
                firstLeftOutAt = old.at();
            }
        }
        return false;
    }

    /** The last lines, held until the run ended; taken once. */
    List<RunEvent.OutputLine> takeTail() {
        List<RunEvent.OutputLine> lines = new ArrayList<>(tail);
        tail.clear();
        tailBytesHeld = 0;
        return lines;
    }

    /** What was left out, as the run's event (index -1, at the first line left out), or null when nothing was. */
    RunEvent.OutputTruncated leftOut(long pid) {
        return leftOutLines == 0 ? null : new RunEvent.OutputTruncated(firstLeftOutAt, -1, -1, pid, leftOutLines, leftOutBytes);
    }

    /** A line's size as printed: its UTF-8 bytes and the newline. */
    static long bytes(RunEvent.OutputLine line) {
        String text = line.text() == null ? "" : line.text();
        long n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
