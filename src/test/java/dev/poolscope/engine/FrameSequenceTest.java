package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.worker.Wire;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Frames are checked, not trusted (issue 7, defect 6): a worker that says something out of
 * sequence is that worker's protocol error, named in its exit; the other workers' tasks are
 * untouched. An engine bug inside the reader is reported as the engine's, not the worker's.
 */
class FrameSequenceTest {
    private static RunEvent.WorkerExited exitOf(RunResult r, long pid) {
        return r.all(RunEvent.WorkerExited.class).stream().filter(e -> e.pid() == pid).findFirst().orElseThrow();
    }

    private static void assertProtocolError(RunResult r, FakeWorker w, String frame) {
        RunEvent.WorkerExited exit = exitOf(r, w.pid());
        assertEquals(ExitKind.TERMINATED, exit.kind(), exit.detail());
        assertTrue(exit.detail().contains("protocol error: " + frame + " out of sequence"), exit.detail());
    }

    @Test
    void aDuplicateReadyIsAProtocolErrorAndGetsNoSecondChunk() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunHandle run = launcher.run(pool(1, Mode.IMAP).task(sleep("a", 0)).task(sleep("b", 0)).build());
        FakeWorker liar = launcher.next();
        liar.hello();
        assertEquals(List.of(0), liar.next().indexes());
        liar.ready();
        assertTrue(liar.awaitExit(5000), "the worker is killed");
        FakeWorker.Received more = liar.poll(100);
        assertTrue(more == null || !more.isChunk(), "no second chunk: " + more);
        FakeWorker next = launcher.next();
        next.hello();
        next.run(next.next());
        next.run(next.next());
        RunResult r = FakeLauncher.finish(run);
        assertProtocolError(r, liar, "READY");
        assertEquals(TaskStatus.OK, r.finished(0).status(), "its unstarted task ran on the replacement");
        assertEquals(next.pid(), r.finished(0).pid());
    }

    @Test
    void aRepeatedTaskStartedIsAProtocolError() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunHandle run = launcher.run(pool(1, Mode.IMAP).timeoutMs(60_000L).task(sleep("a", 0)).build());
        FakeWorker w = launcher.next();
        w.hello();
        w.next();
        w.started(0);
        w.started(0);
        assertTrue(w.awaitExit(5000), "the worker is killed");
        RunResult r = FakeLauncher.finish(run);
        assertProtocolError(r, w, "TASK_STARTED for task 0");
        assertEquals(TaskStatus.CRASHED, r.finished(0).status());
        assertTrue(r.finished(0).error().contains("TASK_STARTED for task 0"), r.finished(0).error());
    }

    @Test
    void anIndexFromAnotherWorkersChunkEndsNothing() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunHandle run = launcher.run(pool(2, Mode.IMAP).startPolicy(StartPolicy.ASAP).task(sleep("a", 0)).task(sleep("b", 0)).build());
        FakeWorker a = launcher.next();
        FakeWorker b = launcher.next();
        a.hello();
        assertEquals(List.of(0), a.next().indexes());
        b.hello();
        assertEquals(List.of(1), b.next().indexes());
        a.ended(1, "forged");
        assertTrue(a.awaitExit(5000), "the forger is killed");
        b.run(new FakeWorker.Received(Wire.CHUNK, List.of(1)));
        FakeWorker.Received putBack = b.next(); // the forger's unstarted task
        assertEquals(List.of(0), putBack.indexes());
        b.run(putBack);
        RunResult r = FakeLauncher.finish(run);
        assertProtocolError(r, a, "TASK_ENDED for task 1");
        assertEquals("r1", r.finished(1).result(), "task 1's result is its own worker's");
        assertEquals(b.pid(), r.finished(1).pid());
        assertEquals(TaskStatus.OK, r.finished(0).status());
    }

    @Test
    void aLateRepeatedTaskEndedIsAProtocolError() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunHandle run = launcher.run(pool(1, Mode.IMAP).task(sleep("a", 0)).task(sleep("b", 0)).build());
        FakeWorker w = launcher.next();
        w.hello();
        w.run(w.next());
        FakeWorker.Received second = w.next();
        w.ended(0, "again");
        assertTrue(w.awaitExit(5000), "the worker is killed");
        FakeWorker replacement = launcher.next();
        replacement.hello();
        replacement.run(replacement.next());
        RunResult r = FakeLauncher.finish(run);
        assertEquals(List.of(1), second.indexes());
        assertProtocolError(r, w, "TASK_ENDED for task 0");
        assertEquals("r0", r.finished(0).result());
    }

    @Test
    void anEngineErrorInTheReaderIsReportedAsTheEnginesNotTheWorkers() throws Exception {
        FakeWorker fake = new FakeWorker(false);
        WorkerProcess w = new WorkerProcess(0, 0, fake, false);
        CompletableFuture<RuntimeException> engineError = new CompletableFuture<>();
        CompletableFuture<String> protocolError = new CompletableFuture<>();
        CompletableFuture<ExitInfo> exit = new CompletableFuture<>();
        w.startThreads(new WorkerProcess.Callbacks() {
            public void onReady(WorkerProcess p, long nanos) {
                throw new NullPointerException("a bug in the engine");
            }

            public void onInitializer(WorkerProcess p, long s, long e, String error) {}

            public void onTaskStarted(WorkerProcess p, int index, long nanos) {}

            public void onOutput(WorkerProcess p, int index, String text) {}

            public void onTruncated(WorkerProcess p, int index, long lines, long bytes) {}

            public void onTaskEnded(WorkerProcess p, int index, long nanos, boolean ok, String text) {}

            public void onProtocolError(WorkerProcess p, String problem) {
                protocolError.complete(problem);
            }

            public void onEngineError(WorkerProcess p, RuntimeException error) {
                engineError.complete(error);
                p.kill();
            }

            public void onExit(WorkerProcess p, ExitInfo info) {
                exit.complete(info);
            }
        });
        // The engine reports its own bug loudly on stderr: captured here, and checked, not shown.
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream realErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            fake.hello();
            assertEquals("a bug in the engine", engineError.get(5, TimeUnit.SECONDS).getMessage());
            exit.get(5, TimeUnit.SECONDS);
        } finally {
            System.setErr(realErr);
        }
        assertNull(protocolError.getNow(null), "not blamed on the worker");
        String printed = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("engine error while handling worker") && printed.contains("a bug in the engine"),
                printed);
    }

    @Test
    void aRealWorkerRefusesANegativeChunkSizeAsAProtocolError() throws Exception {
        Process p = WorkerCommand.forThisJvm(WorkerPriority.NORMAL).start();
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(frame);
            out.writeByte(Wire.CHUNK);
            out.writeInt(-1);
            p.getOutputStream().write(frame.toByteArray());
            p.getOutputStream().flush();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the worker ends");
            String stderr = read(p.getErrorStream());
            assertEquals(3, p.exitValue(), "exit code 3: a protocol error; stderr: " + stderr);
            assertTrue(stderr.contains("protocol error: chunk size -1"), stderr);
            assertTrue(!stderr.contains("Exception"), stderr);
        } finally {
            p.destroyForcibly();
        }
    }

    private static String read(InputStream in) throws java.io.IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
