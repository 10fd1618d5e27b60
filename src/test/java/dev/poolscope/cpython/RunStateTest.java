package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.engine.EventLog;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunListener;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Java side of the tracer protocol (docs/tracer-protocol.md): recorded message sequences, in
 * the orders the connections can be read in, turned into engine events. No Python runs here.
 */
class RunStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAIN = 100;
    private static final long W1 = 101;
    private static final long W2 = 102;
    /**
     * Run time zero; every message time below is T0 + ms * 1e6. It is now, as in a real run: a
     * printed line is held for write order until 80 ms after it was written (OutputOrder), so a
     * line "written" long ago would be let go by the run's output tick at once, between messages.
     */
    private final long T0 = System.nanoTime();

    private final EventLog feed = new EventLog(RunListener.NONE, "test");
    private final RunState state = new RunState(T0, feed, TaskBook.forProgram());

    private static JsonNode m(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long t(double ms) {
        return T0 + (long) (ms * 1e6);
    }

    /** Connection 0 is the main process, 1 and 2 its Pool's workers. */
    private void poolOfTwo() {
        state.mainStarted(MAIN, "p.py", "python3");
        state.onMessage(0, m("{\"e\":\"hello\",\"pid\":100}"));
        for (long w : List.of(W1, W2)) {
            state.onMessage(0, m("{\"e\":\"started\",\"child\":" + w + ",\"t\":" + t(1) + ",\"role\":{\"kind\":\"pool\","
                    + "\"pool\":\"100:7\",\"ident\":[" + (w - 100) + "]}}"));
            int c = (int) (w - 100);
            state.onMessage(c, m("{\"e\":\"hello\",\"pid\":" + w + "}"));
            state.onMessage(c, m("{\"e\":\"child\",\"creator\":100,\"role\":{\"kind\":\"pool\",\"pool\":\"100:7\"}}"));
            state.onMessage(c, m("{\"e\":\"ready\",\"t\":" + t(2) + "}"));
        }
    }

    private <T extends RunEvent> List<T> all(Class<T> type) {
        return feed.snapshot().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    @Test
    void aWorkersTaskStartReadBeforeTheCallersSubmissionIsNumberedAsSubmitted() {
        poolOfTwo();
        // Worker 2 starts item 3 (chunk 3) before the caller's "queued" is read from its connection.
        state.onMessage(2, m("{\"e\":\"task0\",\"t\":" + t(10) + ",\"job\":0,\"chunk\":3,\"k\":0}"));
        state.onMessage(2, m("{\"e\":\"task1\",\"t\":" + t(11) + ",\"ok\":true,\"result\":\"8\"}"));
        assertEquals(List.of(), all(RunEvent.TaskStarted.class), "it waits for its submission");
        state.onMessage(0, m("{\"e\":\"queued\",\"t\":" + t(9) + ",\"job\":0,\"chunksize\":1,"
                + "\"names\":[\"f(1)\",\"f(2)\",\"f(3)\",\"f(4)\",\"f(5)\"]}"));
        state.onMessage(1, m("{\"e\":\"task0\",\"t\":" + t(10) + ",\"job\":0,\"chunk\":0,\"k\":0}"));
        List<RunEvent.TaskStarted> started = all(RunEvent.TaskStarted.class);
        assertEquals(List.of(3, 0), started.stream().map(RunEvent.TaskStarted::index).toList());
        assertEquals(List.of("f(1)", "f(2)", "f(3)", "f(4)", "f(5)"), state.taskNames());
        assertEquals("8", all(RunEvent.TaskFinished.class).get(0).result());
        assertEquals(3, all(RunEvent.TaskFinished.class).get(0).index());
    }

    @Test
    void linesReadOutOfOrderAreListedInTheOrderWritten() {
        poolOfTwo();
        state.onMessage(0, m("{\"e\":\"out\",\"t\":" + t(30) + ",\"fd\":1,\"text\":\"main, last\"}"));
        state.onMessage(2, m("{\"e\":\"out\",\"t\":" + t(20) + ",\"fd\":1,\"text\":\"worker 2, second\"}"));
        state.onMessage(1, m("{\"e\":\"out\",\"t\":" + t(10) + ",\"fd\":1,\"text\":\"worker 1, first\"}"));
        state.finish(false);
        List<RunEvent.OutputLine> lines = all(RunEvent.OutputLine.class);
        assertEquals(List.of("worker 1, first", "worker 2, second", "main, last"),
                lines.stream().map(RunEvent.OutputLine::text).toList());
        assertEquals(List.of(W1, W2, MAIN), lines.stream().map(RunEvent.OutputLine::pid).toList());
        assertEquals(10_000_000L, lines.get(0).at(), "the time it was written, in run time");
    }

    @Test
    void aLineIsNotLetGoBeforeAnEarlierLineThatWaitsForItsProcesssStartWord() throws Exception {
        state.mainStarted(MAIN, "p.py", "python3");
        state.onMessage(0, m("{\"e\":\"hello\",\"pid\":100}"));
        String role = ",\"role\":{\"kind\":\"process\",\"label\":\"show()\",\"ident\":[1]}}";
        state.onMessage(0, m("{\"e\":\"started\",\"child\":101,\"t\":" + t(1) + role));
        for (long child : List.of(101L, 102L)) {
            int c = (int) (child - 100);
            state.onMessage(c, m("{\"e\":\"hello\",\"pid\":" + child + "}"));
            state.onMessage(c, m("{\"e\":\"child\",\"creator\":100" + role));
        }
        // Child 102 wrote first, but its parent's word that it started it is read late: its line waits with it.
        state.onMessage(2, m("{\"e\":\"out\",\"t\":" + t(5) + ",\"fd\":1,\"text\":\"two, written first\"}"));
        state.onMessage(1, m("{\"e\":\"out\",\"t\":" + t(10) + ",\"fd\":1,\"text\":\"one, written second\"}"));
        while (System.nanoTime() < t(300)) {
            Thread.sleep(20); // the output tick runs meanwhile: both lines are older than the 80 ms hold
        }
        assertEquals(List.of(), all(RunEvent.OutputLine.class), "no line goes before the earlier one that waits");
        state.onMessage(0, m("{\"e\":\"started\",\"child\":102,\"t\":" + t(2) + role));
        while (System.nanoTime() < t(450)) {
            Thread.sleep(20);
        }
        assertEquals(List.of("two, written first", "one, written second"),
                all(RunEvent.OutputLine.class).stream().map(RunEvent.OutputLine::text).toList());
    }

    @Test
    void aLineWaitsWhileTheChannelsReaderIsBehindItsTime() throws Exception {
        poolOfTwo();
        java.util.concurrent.atomic.AtomicLong readUpTo = new java.util.concurrent.atomic.AtomicLong(t(5));
        state.readUpTo(readUpTo::get); // the reader has read what was sent up to 5 ms, not yet what came later
        state.onMessage(1, m("{\"e\":\"out\",\"t\":" + t(10) + ",\"fd\":1,\"text\":\"worker 1\"}"));
        while (System.nanoTime() < t(300)) {
            Thread.sleep(20); // the output tick runs meanwhile: the line is older than the 80 ms hold
        }
        assertEquals(List.of(), all(RunEvent.OutputLine.class), "a line written earlier may still be unread");
        readUpTo.set(System.nanoTime());
        while (System.nanoTime() < t(450)) {
            Thread.sleep(20);
        }
        assertEquals(List.of("worker 1"), all(RunEvent.OutputLine.class).stream().map(RunEvent.OutputLine::text).toList());
    }

    @Test
    void theExitOfTheInterpreterMakesExitCode137AnExitCode() {
        state.mainStarted(MAIN, "p.py", "python3");
        state.onMessage(0, m("{\"e\":\"hello\",\"pid\":100}"));
        assertTrue(!state.mainSaidExit());
        state.onMessage(0, m("{\"e\":\"exit\",\"t\":" + t(5) + "}"));
        assertTrue(state.mainSaidExit());
    }

    @Test
    void theMainProcessFailureNamesTheProgramsLine() {
        state.mainStarted(MAIN, "p09.py", "python3");
        state.onMessage(0, m("{\"e\":\"hello\",\"pid\":100}"));
        state.onMessage(0, m("{\"e\":\"error\",\"t\":" + t(5) + ",\"type\":\"NameError\",\"message\":\"name 'f' is not"
                + " defined\",\"line\":3,\"file\":\"/x/p09.py\",\"program\":true}"));
        assertEquals("p09.py line 3: NameError: name 'f' is not defined",
                state.failure().oneLine(java.nio.file.Path.of("/x/p09.py")));
    }

    @Test
    void poolLifeMessagesAreMarksOnTheMainLaneWithTheProgramsLine() {
        poolOfTwo();
        state.onMessage(0, m("{\"e\":\"pool\",\"t\":" + t(3) + ",\"what\":\"created\",\"pool\":\"100:7\",\"processes\":2,"
                + "\"pids\":[101,102],\"line\":6}"));
        state.onMessage(0, m("{\"e\":\"pool\",\"t\":" + t(4) + ",\"what\":\"call\",\"call\":\"map\",\"pool\":\"100:7\","
                + "\"items\":5,\"line\":7}"));
        state.onMessage(0, m("{\"e\":\"pool\",\"t\":" + t(50) + ",\"what\":\"returned\",\"call\":\"map\",\"pool\":\"100:7\","
                + "\"count\":5,\"line\":7}"));
        state.onMessage(0, m("{\"e\":\"pool\",\"t\":" + t(51) + ",\"what\":\"terminate\",\"pool\":\"100:7\",\"cause\":\"gc\","
                + "\"line\":9}"));
        state.onMessage(0, m("{\"e\":\"signal\",\"t\":" + t(52) + ",\"child\":101,\"sig\":\"SIGTERM\"}"));
        state.onMessage(0, m("{\"e\":\"reaped\",\"t\":" + t(53) + ",\"child\":101,\"code\":-15}"));
        state.onClosed(1);
        List<String> marks = all(RunEvent.ProcessMark.class).stream().map(RunEvent.ProcessMark::text).toList();
        assertEquals(List.of("Pool(2) created: worker PIDs 101, 102 (line 6)", "map(5 items) called (line 7)",
                "map() returned 5 results (line 7)",
                "terminate(): the Pool object was garbage-collected (no with-block, no close()) (line 9)"), marks);
        RunEvent.WorkerExited exit = all(RunEvent.WorkerExited.class).get(0);
        assertTrue(exit.detail().contains("garbage-collected"), exit.detail());
    }

    /** Connection 0 is the main process, 1 a Process child (daemon or not) that runs until it is signalled. */
    private void oneProcess(boolean daemon) {
        state.mainStarted(MAIN, "p.py", "python3");
        state.onMessage(0, m("{\"e\":\"hello\",\"pid\":100}"));
        state.onMessage(0, m("{\"e\":\"started\",\"child\":101,\"t\":" + t(1) + ",\"role\":{\"kind\":\"process\","
                + "\"label\":\"forever()\",\"daemon\":" + daemon + ",\"ident\":[1]}}"));
        state.onMessage(1, m("{\"e\":\"hello\",\"pid\":101}"));
        state.onMessage(1, m("{\"e\":\"child\",\"creator\":100,\"role\":{\"kind\":\"process\",\"label\":\"forever()\"}}"));
        state.onMessage(1, m("{\"e\":\"task0\",\"t\":" + t(2) + ",\"job\":-1,\"chunk\":-1,\"k\":0,\"name\":\"forever()\"}"));
    }

    @Test
    void aDaemonTerminatedByMultiprocessingAtTheMainsExitIsTerminatedNotCrashed() {
        oneProcess(true);
        // multiprocessing.util._exit_function: p._popen.terminate() for each daemon child, then its exit code.
        state.onMessage(0, m("{\"e\":\"signal\",\"t\":" + t(300) + ",\"child\":101,\"sig\":\"SIGTERM\",\"by\":\"exit\"}"));
        state.onClosed(1); // SIGTERM's default action: no last word from the child
        state.onMessage(0, m("{\"e\":\"reaped\",\"t\":" + t(301) + ",\"child\":101,\"code\":-15}"));
        RunEvent.WorkerExited exit = all(RunEvent.WorkerExited.class).get(0);
        assertEquals(dev.poolscope.engine.ExitKind.TERMINATED, exit.kind());
        assertEquals("terminated by multiprocessing at exit (a daemon process still running when the main program ended):"
                + " SIGTERM", exit.detail());
        assertEquals(15, exit.signal());
        RunEvent.TaskFinished target = all(RunEvent.TaskFinished.class).get(0);
        assertEquals(dev.poolscope.engine.TaskStatus.CANCELLED, target.status(), target::toString);
        List<String> marks = all(RunEvent.ProcessMark.class).stream().map(RunEvent.ProcessMark::text).toList();
        assertEquals(List.of("start() \u2192 PID 101 forever(), daemon", "at exit, multiprocessing terminates daemon PID 101: SIGTERM"),
                marks);
    }

    @Test
    void aSigtermFromElsewhereIsKilledBySignal15EvenForADaemon() {
        for (boolean daemon : List.of(false, true)) {
            RunStateTest fresh = new RunStateTest();
            fresh.oneProcess(daemon);
            fresh.state.onClosed(1);
            fresh.state.onMessage(0, m("{\"e\":\"reaped\",\"t\":" + t(301) + ",\"child\":101,\"code\":-15}"));
            RunEvent.WorkerExited exit = fresh.all(RunEvent.WorkerExited.class).get(0);
            assertEquals(dev.poolscope.engine.ExitKind.CRASHED, exit.kind(), "daemon " + daemon);
            assertEquals("killed by signal 15 (SIGTERM)", exit.detail(), "daemon " + daemon);
        }
    }

    private RunEvent.TaskFinished finished(int index) {
        return all(RunEvent.TaskFinished.class).stream().filter(f -> f.index() == index).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("task " + index + " did not finish"));
    }

    @Test
    void chunksThePoolCouldNotSendNeverRanAndSayWhyEvenWhenToldBeforeTheirSubmission() {
        poolOfTwo();
        String error = "PicklingError: Can't pickle <function <lambda>>: attribute lookup <lambda> on __main__ failed";
        // The task handler fails to send chunk 1 before the caller's "queued" is read, and chunk 0 after it.
        state.onMessage(0, m("{\"e\":\"result\",\"t\":" + t(5) + ",\"job\":0,\"unsent\":[1],\"error\":\"" + error + "\"}"));
        state.onMessage(0, m("{\"e\":\"queued\",\"t\":" + t(4) + ",\"job\":0,\"chunksize\":1,\"names\":[\"<lambda>(1)\",\"<lambda>(2)\"]}"));
        state.onMessage(0, m("{\"e\":\"result\",\"t\":" + t(6) + ",\"job\":0,\"unsent\":[0],\"error\":\"" + error + "\"}"));
        state.onMessage(0, m("{\"e\":\"result\",\"t\":" + t(7) + ",\"job\":0,\"all\":true,\"items\":2,\"failed\":true}"));
        state.finish(false);
        for (int i : List.of(0, 1)) {
            assertEquals(dev.poolscope.engine.TaskStatus.CANCELLED, finished(i).status());
            assertEquals("never ran: the Pool could not send it to a worker (" + error + ")", finished(i).error());
        }
        assertEquals(List.of(), all(RunEvent.ResultDelivered.class), "a failed map gives the caller none");
        assertEquals(0, state.retainedForDelivery());
    }

    @Test
    void itemsLeftAfterAFailureSayWhichItemFailedAndHowThePoolEnded() {
        poolOfTwo();
        state.onMessage(0, m("{\"e\":\"queued\",\"t\":" + t(4) + ",\"job\":0,\"chunk\":0,\"names\":[\"f(0)\"]}"));
        state.onMessage(0, m("{\"e\":\"queued\",\"t\":" + t(4) + ",\"job\":0,\"chunk\":1,\"names\":[\"f(1)\"]}"));
        state.onMessage(1, m("{\"e\":\"task0\",\"t\":" + t(10) + ",\"job\":0,\"chunk\":0,\"k\":0}"));
        state.onMessage(1, m("{\"e\":\"task1\",\"t\":" + t(11) + ",\"ok\":false,\"error\":\"ValueError: bad\"}"));
        state.onMessage(0, m("{\"e\":\"pool\",\"t\":" + t(20) + ",\"what\":\"terminate\",\"pool\":\"100:7\",\"cause\":\"with\"}"));
        state.finish(false);
        assertEquals("ValueError: bad", finished(0).error());
        assertEquals("never ran: f(0) had failed (ValueError: bad) and the Pool was terminated (the end of the with-block)"
                + " before its turn", finished(1).error());
    }

    @Test
    void aTaskWhoseResultTheCallerGotEndedOkThoughItsWorkerWasEndedBeforeItsEndWasSent() {
        poolOfTwo();
        state.onMessage(0, m("{\"e\":\"queued\",\"t\":" + t(4) + ",\"job\":0,\"chunk\":0,\"names\":[\"f(1)\"]}"));
        state.onMessage(1, m("{\"e\":\"task0\",\"t\":" + t(10) + ",\"job\":0,\"chunk\":0,\"k\":0}"));
        state.onMessage(0, m("{\"e\":\"result\",\"t\":" + t(210) + ",\"job\":0,\"chunks\":[0]}"));
        state.onMessage(0, m("{\"e\":\"pool\",\"t\":" + t(215) + ",\"what\":\"terminate\",\"pool\":\"100:7\",\"cause\":\"with\"}"));
        state.onMessage(0, m("{\"e\":\"signal\",\"t\":" + t(216) + ",\"child\":101,\"sig\":\"SIGTERM\"}"));
        state.onMessage(0, m("{\"e\":\"reaped\",\"t\":" + t(217) + ",\"child\":101,\"code\":-15}"));
        state.onClosed(1);
        RunEvent.TaskFinished f = finished(0);
        assertEquals(dev.poolscope.engine.TaskStatus.OK, f.status(), f::toString);
        assertEquals(210_000_000L, f.at(), "ended by the time the caller was told");
        assertEquals(1, all(RunEvent.ResultDelivered.class).size());
    }

    @Test
    void aTaskWhoseResultTheCallerGotRanThoughNoWordOfItCameFromItsWorker() {
        poolOfTwo();
        state.onMessage(0, m("{\"e\":\"queued\",\"t\":" + t(4) + ",\"job\":0,\"chunksize\":1,\"names\":[\"f(0)\",\"f(1)\"]}"));
        state.onMessage(1, m("{\"e\":\"task0\",\"t\":" + t(10) + ",\"job\":0,\"chunk\":0,\"k\":0}"));
        state.onMessage(1, m("{\"e\":\"task1\",\"t\":" + t(11) + ",\"ok\":true,\"result\":\"0\"}"));
        // imap told both; worker 2's batch with f(1)'s start and end was lost with the worker.
        state.onMessage(0, m("{\"e\":\"result\",\"t\":" + t(30) + ",\"job\":0,\"chunks\":[0,1]}"));
        state.finish(false);
        assertEquals(dev.poolscope.engine.TaskStatus.OK, finished(1).status(), finished(1)::toString);
        assertEquals(List.of(0, 1), all(RunEvent.ResultDelivered.class).stream().map(RunEvent.ResultDelivered::index).toList());
    }

    @Test
    void aKindThisPoolScopeDoesNotKnowIsIgnored() {
        poolOfTwo();
        int before = feed.snapshot().size();
        state.onMessage(1, m("{\"e\":\"from-a-newer-tracer\",\"t\":" + t(5) + "}"));
        assertEquals(before, feed.snapshot().size());
    }
}
