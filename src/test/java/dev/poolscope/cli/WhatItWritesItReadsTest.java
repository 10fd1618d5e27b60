package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonRuns;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.WorkerRecord;
import dev.poolscope.traceimport.AnyTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What PoolScope writes, it reads (issue 19, defect 3): the trace of a real {@code run --python}
 * opens through the path {@code render --trace} and {@code ui --open} use, whatever the program
 * did: many tasks, thousands of threads, threads with control characters in their names.
 */
class WhatItWritesItReadsTest {
    @TempDir
    Path dir;

    private RunTrace runAndOpen(String name, String code) throws Exception {
        PythonRuns.python();
        Path program = Files.writeString(dir.resolve(name), code);
        Path trace = dir.resolve(name + ".json");
        CapturedCli r = CapturedCli.run("run", "--python", program.toString(), "--trace", trace.toString());
        assertEquals(0, r.code(), r.err());
        return AnyTrace.read(trace);
    }

    @Test
    void aPoolMapOf20000ItemsOpensWithEveryTask() throws Exception {
        RunTrace t = runAndOpen("map20k.py", String.join("\n",
                "from multiprocessing import Pool",
                "def f(x):",
                "    return x * x",
                "if __name__ == '__main__':",
                "    with Pool(2) as p:",
                "        print(sum(p.map(f, range(20000))))",
                ""));
        assertEquals(20_000, t.tasks().size());
        assertTrue(t.tasks().stream().allMatch(task -> "ok".equals(task.status())));
        assertEquals("f(19999)", t.tasks().get(19_999).name());
        assertEquals(String.valueOf(19_999L * 19_999), t.tasks().get(19_999).result());
        assertEquals(20_000, t.deliveryOrder().size());
        assertTrue(t.recorded());
    }

    @Test
    void threadsNamedWithControlAndTextDirectionCharactersOpenWithTheirNamesShownAsEscapes() throws Exception {
        RunTrace t = runAndOpen("names.py", String.join("\n",
                "import threading",
                "def work(x):",
                "    return x",
                "if __name__ == '__main__':",
                "    t = threading.Thread(target=work, args=(1,), name='evil\\nname\\x1b[2J\\u202e')",
                "    t.start(); t.join()",
                ""));
        assertTrue(t.workers().stream().map(w -> w.lane().name()).anyMatch("evil\\nname\\u001B[2J\\u202E"::equals),
                t.workers().stream().map(WorkerRecord::lane).toList().toString());
    }

    @Test
    void moreThreadsThan4096OneAfterAnotherOpen() throws Exception {
        RunTrace t = runAndOpen("threads.py", String.join("\n",
                "import threading",
                "def work(x):",
                "    return x",
                "if __name__ == '__main__':",
                "    for i in range(4200):",
                "        t = threading.Thread(target=work, args=(i,))",
                "        t.start(); t.join()",
                ""));
        assertEquals(4200, t.pool());
        assertEquals(4200, t.tasks().stream().map(TaskRecord::slot).distinct().count());
    }
}
