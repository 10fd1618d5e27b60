package dev.poolscope.trace;

import java.nio.file.Files;
import java.nio.file.Path;

/** Not a test: prints size and times for a big trace (java -cp ... BigTraceMeasure N). */
public final class BigTraceMeasure {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        long t0 = System.nanoTime();
        RunTrace t = BigPoolRun.trace(n);
        long t1 = System.nanoTime();
        Path file = Path.of(args.length > 1 ? args[1] : "/tmp/ts/big.json");
        TraceJson.write(t, new TraceJson.Origin("cpython", BigPoolRun.MAIN_PID), file);
        long t2 = System.nanoTime();
        long size = Files.size(file);
        System.out.printf("tasks %d events %d build %.2fs write %.2fs size %d (%.1f MB, %.0f B/task)%n", t.tasks().size(),
                t.events().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, size, size / 1048576.0, size / (double) n);
        for (int k = 0; k < 3; k++) {
            long r0 = System.nanoTime();
            RunTrace back = TraceJson.read(file);
            long r1 = System.nanoTime();
            System.out.printf("read %.2fs tasks %d events %d equal %b%n", (r1 - r0) / 1e9, back.tasks().size(),
                    back.events().size(), k == 0 ? back.equals(t.withInfo(t.info())) : false);
        }
    }
}
