package dev.poolscope.cpython;

import dev.poolscope.engine.RunConfig;

/** The {@code if __name__ == "__main__":} block of a scenario's program: the pool call of its mode. */
final class MainBlock {
    private MainBlock() {}

    static void append(StringBuilder py, RunConfig config) {
        py.append("if __name__ == \"__main__\":\n");
        switch (config.mode()) {
            case PROCESS -> {
                py.append("    processes = [Process(target=run_task, args=(task,)) for task in TASKS]\n");
                py.append("    for p in processes:\n");
                py.append("        p.start()\n");
                py.append("    for p in processes:\n");
                py.append("        p.join()\n");
            }
            case MAP -> {
                py.append("    with ").append(pool(config)).append(" as pool:\n");
                py.append("        results = pool.map(run_task, TASKS").append(chunksize(config)).append(")\n");
                py.append("    print(results)\n");
            }
            case IMAP, IMAP_UNORDERED -> {
                py.append("    with ").append(pool(config)).append(" as pool:\n");
                py.append("        for result in pool.").append(config.mode().id()).append("(run_task, TASKS")
                        .append(chunksize(config)).append("):\n");
                py.append("            print(result)\n");
            }
            case APPLY_ASYNC -> {
                py.append("    with ").append(pool(config)).append(" as pool:\n");
                py.append("        for task in TASKS:\n");
                py.append("            pool.apply_async(run_task, (task,), callback=print, error_callback=print)\n");
                py.append("        pool.close()\n");
                py.append("        pool.join()\n");
            }
        }
    }

    private static String pool(RunConfig config) {
        StringBuilder b = new StringBuilder("Pool(processes=").append(config.pool());
        if (config.initializer() != null) {
            b.append(", initializer=run_task, initargs=(INITIALIZER,)");
        }
        if (config.maxTasksPerChild() != null) {
            b.append(", maxtasksperchild=").append(config.maxTasksPerChild());
        }
        return b.append(')').toString();
    }

    /** Only when the scenario sets it: CPython's default is the one PoolScope computes. */
    private static String chunksize(RunConfig config) {
        return config.chunksize() == null ? "" : ", chunksize=" + config.chunksize();
    }
}
