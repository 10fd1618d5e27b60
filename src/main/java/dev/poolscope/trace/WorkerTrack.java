package dev.poolscope.trace;

import dev.poolscope.engine.Lane;
import java.util.ArrayList;
import java.util.List;

/** What {@link TraceBuilder} knows of one worker process so far. */
final class WorkerTrack {
    final int slot;
    final long pid;
    final int generation;
    final double spawnMs;
    final Lane lane;
    int position;
    Double readyMs;
    Double exitMs;
    String exit;
    Integer exitCode;
    Integer signal;
    String detail;
    Double initStartMs;
    Double initEndMs;
    String initError;
    final List<OsSample> samples = new ArrayList<>();

    WorkerTrack(int slot, long pid, int generation, double spawnMs, Lane lane) {
        this.lane = lane;
        this.slot = slot;
        this.pid = pid;
        this.generation = generation;
        this.spawnMs = spawnMs;
    }

    void initializer(double startMs, double endMs, String error) {
        initStartMs = startMs;
        initEndMs = endMs;
        initError = error;
    }

    void exited(double at, String kind, Integer code, Integer sig, String why) {
        exitMs = at;
        exit = kind;
        exitCode = code;
        signal = sig;
        detail = why;
    }

    WorkerRecord record() {
        return new WorkerRecord(slot, pid, generation, spawnMs, readyMs, exitMs, exit, exitCode, signal, detail,
                initStartMs, initEndMs, initError, samples, lane);
    }
}
