package dev.poolscope.trace;

import dev.poolscope.files.AtomicFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Exports a trace's tasks as CSV (RFC 4180 quoting, UTF-8, "\n" line ends), one row per task in
 * input order, for spreadsheets and pandas. Columns:
 * index, name, kind, chunk, slot, pid, startMs, endMs, durationMs, status, result, error,
 * outputLines, outputTruncated. Times are ms since the run started with 3 decimals; a value
 * that does not exist (no start, no end, never ran on a worker) is an empty field.
 */
public final class TraceCsv {
    public static final String HEADER = "index,name,kind,chunk,slot,pid,startMs,endMs,durationMs,status,result,error,"
            + "outputLines,outputTruncated";

    private TraceCsv() {}

    public static void write(RunTrace t, Path file) throws IOException {
        AtomicFile.write(file, out -> write(t, out));
    }

    private static void write(RunTrace t, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder row = new StringBuilder(160);
        for (TaskRecord task : t.tasks()) {
            row.setLength(0);
            boolean ran = task.slot() >= 0;
            row.append(task.index()).append(',')
                    .append(field(task.name())).append(',')
                    .append(field(task.kind())).append(',')
                    .append(task.chunk()).append(',')
                    .append(ran ? Integer.toString(task.slot()) : "").append(',')
                    .append(ran ? Long.toString(task.pid()) : "").append(',')
                    .append(ms(task.startMs())).append(',')
                    .append(ms(task.endMs())).append(',')
                    .append(task.endMs() != null ? ms(task.durationMs()) : "").append(',')
                    .append(field(task.status())).append(',')
                    .append(field(task.result())).append(',')
                    .append(field(task.error())).append(',')
                    .append(task.output().size()).append(',')
                    .append(task.outputTruncated())
                    .append('\n');
            out.write(row.toString());
        }
    }

    /** Columns of {@link #writeSamples}: one row per OS sample of a worker process. */
    public static final String SAMPLES_HEADER = "slot,pid,generation,atMs,cpuPct,state,rssKb,cpuMs";

    /**
     * Exports the workers' OS samples as CSV, one row per sample, workers in trace order and each
     * worker's samples in time order: slot, pid, generation, atMs, cpuPct (percent of one core),
     * state (the /proc letter), rssKb (-1 when unknown), cpuMs (CPU time since the process started).
     * A trace without samples gives just the header.
     */
    public static void writeSamples(RunTrace t, Path file) throws IOException {
        AtomicFile.write(file, out -> writeSamples(t, out));
    }

    private static void writeSamples(RunTrace t, Writer out) throws IOException {
        out.write(SAMPLES_HEADER);
        out.write('\n');
        StringBuilder row = new StringBuilder(64);
        for (WorkerRecord w : t.workers()) {
            for (OsSample s : w.samples()) {
                row.setLength(0);
                row.append(w.slot()).append(',').append(w.pid()).append(',').append(w.generation()).append(',')
                        .append(ms(s.atMs())).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", s.cpuPct())).append(',')
                        .append(field(String.valueOf(s.state()))).append(',')
                        .append(s.rssKb()).append(',')
                        .append(ms(s.cpuMs())).append('\n');
                out.write(row.toString());
            }
        }
    }

    /** Quotes a field when it holds a comma, quote or line break, doubling its quotes (RFC 4180). */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String ms(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.3f", Ms.round3(v.doubleValue()));
    }
}
