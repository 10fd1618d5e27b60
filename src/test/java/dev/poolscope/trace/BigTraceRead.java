package dev.poolscope.trace;

import java.nio.file.Path;

/** Not a test: reads a trace file N times, printing the time of each. */
public final class BigTraceRead {
    public static void main(String[] args) throws Exception {
        for (int k = 0; k < Integer.parseInt(args[1]); k++) {
            long r0 = System.nanoTime();
            RunTrace back = TraceJson.read(Path.of(args[0]));
            System.out.printf("read %.2fs tasks %d events %d%n", (System.nanoTime() - r0) / 1e9, back.tasks().size(),
                    back.events().size());
        }
    }
}
