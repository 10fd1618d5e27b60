package dev.poolscope.cpython;

import dev.poolscope.engine.TaskKind;

/** The Python function for each task kind, doing what PoolScope's Java worker does for it. */
final class KindFunctions {
    private KindFunctions() {}

    static String functionName(TaskKind kind) {
        return switch (kind) {
            case PRINT -> "print_line";
            case DOUBLE -> "double";
            default -> kind.id();
        };
    }

    static String of(TaskKind kind) {
        return switch (kind) {
            case NOOP -> """
                    def noop(name):
                        pass
                    """;
            case SLEEP -> """
                    def sleep(name, ms):
                        time.sleep(ms / 1000)  # waiting, like I/O
                    """;
            case SPIN -> """
                    def spin(name, ms):
                        end = time.perf_counter() + ms / 1000
                        while time.perf_counter() < end:  # busy CPU work
                            pass
                    """;
            case SQUARE -> """
                    def square(name, n, ms=0):
                        time.sleep(ms / 1000)
                        return n * n
                    """;
            case CUBE -> """
                    def cube(name, n, ms=0):
                        time.sleep(ms / 1000)
                        return n * n * n
                    """;
            case DOUBLE -> """
                    def double(name, n, ms=0):
                        time.sleep(ms / 1000)
                        return n * 2
                    """;
            case PRINT -> """
                    def print_line(name, text, times=1, n=None, ms=0):
                        time.sleep(ms / 1000)
                        line = text.replace("{pid}", str(os.getpid())).replace("{name}", name)
                        line = line.replace("{n}", "" if n is None else str(n))
                        for _ in range(times):
                            print(line)
                    """;
            case FAIL -> """
                    class TaskFailed(Exception):
                        pass


                    def fail(name, message="task failed", ms=0):
                        time.sleep(ms / 1000)
                        raise TaskFailed(message)
                    """;
            case CRASH -> """
                    def crash(name, exit_code=1, ms=0):
                        time.sleep(ms / 1000)
                        os._exit(exit_code)  # dies at once, like a crashing extension: no clean-up, no result
                    """;
        };
    }
}
