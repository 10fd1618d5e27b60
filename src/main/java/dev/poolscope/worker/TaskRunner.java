package dev.poolscope.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Runs the built-in task kinds. Only these kinds exist: a scenario cannot run arbitrary code. */
final class TaskRunner {
    private TaskRunner() {}

    /** A task that takes no measurable time: a no-op, or arithmetic with no sleep first. */
    static boolean isInstant(Wire.Job job) {
        return job.kind() == Wire.NOOP
                || (job.ms() == 0 && (job.kind() == Wire.SQUARE || job.kind() == Wire.CUBE || job.kind() == Wire.DOUBLE));
    }

    /** Runs an initializer; returns its error message, or null when it succeeded. */
    static String run(Wire.Job job, WorkerMain.Output output) throws IOException, InterruptedException {
        String[] outcome = runForResult(job, output);
        output.finish();
        return outcome[0];
    }

    /** Runs a task; returns {error, result}: error is null when the task succeeded. */
    static String[] runForResult(Wire.Job job, WorkerMain.Output output) throws IOException, InterruptedException {
        try {
            return new String[] {null, execute(job, output)};
        } catch (TaskFailure | ArithmeticException e) {
            return new String[] {e.getMessage(), null};
        }
    }

    private static String execute(Wire.Job job, WorkerMain.Output output)
            throws IOException, InterruptedException, TaskFailure {
        switch (job.kind()) {
            case Wire.NOOP:
                return null;
            case Wire.SLEEP:
                Thread.sleep(job.ms());
                return null;
            case Wire.SPIN:
                spin(job.ms());
                return null;
            case Wire.SQUARE:
                Thread.sleep(job.ms());
                return Long.toString(Math.multiplyExact(job.n(), job.n()));
            case Wire.CUBE:
                Thread.sleep(job.ms());
                return Long.toString(Math.multiplyExact(job.n(), Math.multiplyExact(job.n(), job.n())));
            case Wire.DOUBLE:
                Thread.sleep(job.ms());
                return Long.toString(Math.multiplyExact(job.n(), 2L));
            case Wire.PRINT:
                Thread.sleep(job.ms());
                byte[] line = expand(job, output.pid).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < Math.max(1, job.times()); i++) {
                    output.line(line);
                }
                return null;
            case Wire.FAIL:
                Thread.sleep(job.ms());
                throw new TaskFailure(job.text() == null ? "task failed" : job.text());
            case Wire.CRASH:
                Thread.sleep(job.ms());
                // Dies the way a segfaulting extension or os._exit would: no clean-up, no reply.
                Runtime.getRuntime().halt(job.exitCode());
                return null;
            default:
                throw new TaskFailure("unknown task kind '" + job.kind() + "'");
        }
    }

    /** Keeps the spin loop's arithmetic observable so the JIT cannot drop it. */
    static volatile long sink;

    /** Rounds of arithmetic between two looks at the CPU clock: tens of microseconds of work. */
    private static final int ROUNDS_PER_CHECK = 10_000;

    /** Busy CPU work until this thread has used {@code ms} of CPU time ({@link CpuClock}). */
    private static void spin(long ms) throws IOException {
        if (ms <= 0) {
            return;
        }
        try (CpuClock clock = CpuClock.forThisThread()) {
            long target = clock.nanos() + ms * 1_000_000L;
            long x = 1;
            do {
                for (int i = 0; i < ROUNDS_PER_CHECK; i++) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                }
            } while (clock.nanos() < target);
            sink = x;
        }
    }

    private static String expand(Wire.Job job, long pid) {
        String text = job.text() == null ? "" : job.text();
        return text.replace("{pid}", Long.toString(pid))
                .replace("{name}", job.name())
                .replace("{n}", job.hasN() ? Long.toString(job.n()) : "");
    }

    private static final class TaskFailure extends Exception {
        TaskFailure(String message) {
            super(message, null, false, false);
        }
    }
}
