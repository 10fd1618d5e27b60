package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.engine.EventLog;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunListener;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Results are told without keeping them (issue 19, defect 2): every chunk a caller was told of
 * used to stay in {@code Deliveries.chunksTold} for the rest of the run, so a long-running
 * ThreadPool (or Pool) program's memory grew with each result. Recorded message sequences, as
 * in {@link RunStateTest}; what the run keeps to deliver results stays bounded by what is in flight.
 */
class DeliveriesBoundTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = 1_000_000_000L;
    private static final int JOBS = 20_000;

    private final EventLog feed = new EventLog(RunListener.NONE, "test");
    private final RunState state = new RunState(T0, feed, TaskBook.forProgram());

    private static JsonNode m(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long t(long us) {
        return T0 + us * 1000;
    }

    private long delivered() {
        return feed.snapshot().stream().filter(RunEvent.ResultDelivered.class::isInstance).count();
    }

    @Test
    void aThreadPoolsResultsAreToldInOrderAndNotKeptOnceTold() {
        state.mainStarted(100, "p.py", "python3");
        state.onMessage(0, m("{\"e\":\"hello\",\"pid\":100}"));
        state.onMessage(0, m("{\"e\":\"thread\",\"t\":" + t(1) + ",\"tid\":7,\"name\":\"Thread-1 (worker)\"}"));
        int most = 0;
        for (int job = 0; job < JOBS; job++) { // apply_async on a ThreadPool, one after another, forever
            long at = 10 + job * 10L;
            state.onMessage(0, m("{\"e\":\"tqueued\",\"t\":" + t(at) + ",\"key\":[" + job + ",0,0],\"name\":\"f(" + job + ")\"}"));
            state.onMessage(0, m("{\"e\":\"ttask0\",\"t\":" + t(at + 1) + ",\"tid\":7,\"key\":[" + job + ",0,0],\"name\":\"f(" + job + ")\"}"));
            state.onMessage(0, m("{\"e\":\"ttask1\",\"t\":" + t(at + 2) + ",\"tid\":7,\"ok\":true,\"result\":\"" + job + "\"}"));
            state.onMessage(0, m("{\"e\":\"result\",\"t\":" + t(at + 3) + ",\"job\":" + job + ",\"chunks\":[0]}"));
            most = Math.max(most, state.retainedForDelivery());
        }
        assertTrue(most <= 2, "kept for delivery at most " + most + " after " + JOBS + " results");
        assertEquals(JOBS, delivered(), "every result reached the caller");
    }

    @Test
    void aPoolsResultsAreNotKeptOnceToldEvenWhenTheirWorkersConnectionRunsBehind() {
        state.mainStarted(100, "p.py", "python3");
        state.onMessage(0, m("{\"e\":\"hello\",\"pid\":100}"));
        state.onMessage(0, m("{\"e\":\"started\",\"child\":101,\"t\":" + t(1) + ",\"role\":{\"kind\":\"pool\",\"pool\":\"100:7\",\"ident\":[1]}}"));
        state.onMessage(1, m("{\"e\":\"hello\",\"pid\":101}"));
        state.onMessage(1, m("{\"e\":\"child\",\"creator\":100,\"role\":{\"kind\":\"pool\",\"pool\":\"100:7\"}}"));
        state.onMessage(1, m("{\"e\":\"ready\",\"t\":" + t(2) + "}"));
        int most = 0;
        for (int job = 0; job < JOBS; job++) {
            long at = 10 + job * 10L;
            state.onMessage(0, m("{\"e\":\"queued\",\"t\":" + t(at) + ",\"job\":" + job + ",\"chunk\":0,\"names\":[\"f(" + job + ")\"]}"));
            if (job % 2 == 0) { // the caller's word read first, then the worker's
                state.onMessage(0, m("{\"e\":\"result\",\"t\":" + t(at + 3) + ",\"job\":" + job + ",\"chunks\":[0]}"));
            }
            state.onMessage(1, m("{\"e\":\"task0\",\"t\":" + t(at + 1) + ",\"job\":" + job + ",\"chunk\":0,\"k\":0}"));
            state.onMessage(1, m("{\"e\":\"task1\",\"t\":" + t(at + 2) + ",\"ok\":true,\"result\":\"" + job + "\"}"));
            if (job % 2 == 1) {
                state.onMessage(0, m("{\"e\":\"result\",\"t\":" + t(at + 3) + ",\"job\":" + job + ",\"chunks\":[0]}"));
            }
            most = Math.max(most, state.retainedForDelivery());
        }
        assertTrue(most <= 2, "kept for delivery at most " + most + " after " + JOBS + " results");
        assertEquals(JOBS, delivered(), "every result reached the caller");
        assertEquals(List.of(0, 1, 2), feed.snapshot().stream().filter(RunEvent.ResultDelivered.class::isInstance)
                .map(e -> ((RunEvent.ResultDelivered) e).index()).limit(3).toList(), "in the order told");
    }
}
