package dev.poolscope.cli;

import dev.poolscope.trace.ChromeTrace;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceCsv;
import dev.poolscope.trace.TraceJson;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The files a finished run can be written to ({@code run}'s mixin, whatever engine ran it):
 * checked before the run starts, so a long run is not lost to a typo in a folder name, and
 * confirmed on stderr as each is written, so stdout carries only the report.
 */
final class RunFiles {
    @Option(names = "--trace", paramLabel = "FILE", description = "write the run as trace JSON")
    Path trace;

    @Option(names = "--csv", paramLabel = "FILE", description = "write one CSV row per task")
    Path csv;

    @Option(names = "--chrome-trace", paramLabel = "FILE", description = "write Chrome Trace Event JSON (Perfetto, chrome://tracing)")
    Path chromeTrace;

    @Option(names = "--samples-csv", paramLabel = "FILE", description = "write the workers' OS samples (CPU %%, state, memory), one CSV row each")
    Path samplesCsv;

    /** Refuses a file that cannot be written (before the run). */
    void check() {
        for (String problem : new String[] {OutputFiles.problem("--trace", trace), OutputFiles.problem("--csv", csv),
                OutputFiles.problem("--chrome-trace", chromeTrace), OutputFiles.problem("--samples-csv", samplesCsv)}) {
            if (problem != null) {
                throw new BadInput(problem);
            }
        }
    }

    /** Writes every file asked for; {@code origin} is the trace's engine and main PID (null for PoolScope's workers). */
    void write(RunTrace result, TraceJson.Origin origin) {
        String option = null;
        Path writing = null;
        try {
            if (trace != null) {
                option = "--trace";
                writing = trace;
                TraceJson.Written w = origin == null ? TraceJson.write(result, trace) : TraceJson.write(result, origin, trace);
                wrote("trace", trace);
                if (!w.whole()) {
                    System.err.println("poolscope run: note: " + w.leftOut() + ".");
                }
            }
            if (csv != null) {
                option = "--csv";
                writing = csv;
                TraceCsv.write(result, csv);
                wrote("CSV", csv);
            }
            if (chromeTrace != null) {
                option = "--chrome-trace";
                writing = chromeTrace;
                ChromeTrace.write(result, chromeTrace);
                wrote("Chrome trace", chromeTrace);
            }
            if (samplesCsv != null) {
                option = "--samples-csv";
                writing = samplesCsv;
                TraceCsv.writeSamples(result, samplesCsv);
                wrote("OS samples CSV", samplesCsv);
            }
        } catch (IOException e) {
            throw new BadInput(option + ": " + OutputFiles.failure(writing, e));
        }
    }

    /** On stderr, so the report on stdout stays clean when it is piped. */
    private static void wrote(String what, Path file) {
        System.err.println("wrote " + what + " to " + file);
    }
}
