package dev.poolscope.cpython;

import dev.poolscope.engine.RunEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A tiny PoolScope for {@link DiesWithPoolScopeTest}: runs the program given, prints
 * "pids MAIN CHILD..." once three tasks are running, then waits to be killed.
 */
public final class KillTargetMain {
    private KillTargetMain() {}

    public static void main(String[] args) throws Exception {
        CountDownLatch busy = new CountDownLatch(3);
        CPythonRun run = new CPythonService().start(Path.of(args[0]), List.of(), CPythonOptions.defaults(), e -> {
            if (e instanceof RunEvent.TaskStarted) {
                busy.countDown();
            }
        });
        busy.await();
        StringBuilder line = new StringBuilder("pids " + run.mainPid());
        run.pids().forEach(pid -> line.append(' ').append(pid));
        System.out.println(line);
        System.out.flush();
        Thread.sleep(600_000);
    }
}
