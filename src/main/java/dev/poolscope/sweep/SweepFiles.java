package dev.poolscope.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolscope.files.AtomicFile;
import dev.poolscope.trace.TraceJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a sweep as CSV (a row per run) or JSON (the summary, and every run's whole trace). */
public final class SweepFiles {
    public static final String FORMAT = "poolscope-sweep";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepFiles() {}

    /**
     * The CSV header: {@code pool}, the varied setting's column when it is not the pool, then
     * {@code repeat,makespanMs,speedup,efficiency,totalBusyMs,complete}.
     */
    public static String csvHeader(SweepSetting setting) {
        return "pool," + (setting == SweepSetting.POOL ? "" : setting.id() + ",")
                + "repeat,makespanMs,speedup,efficiency,totalBusyMs,complete";
    }

    public static String csv(SweepResult result, SweepSummary s) {
        StringBuilder sb = new StringBuilder(csvHeader(s.setting())).append('\n');
        for (SweepRun r : result.runs()) {
            sb.append(r.config().slots()).append(',');
            if (s.setting() != SweepSetting.POOL) {
                sb.append(r.value()).append(',');
            }
            sb.append(r.repeat() + 1).append(',').append(num(r.makespanMs())).append(',')
                    .append(num(s.speedupOf(r))).append(',').append(num(s.efficiencyOf(r))).append(',')
                    .append(num(r.trace().stats().totalBusyMs())).append(',').append(r.complete()).append('\n');
        }
        return sb.toString();
    }

    public static void writeCsv(SweepResult result, SweepSummary s, Path file) throws IOException {
        String text = csv(result, s);
        AtomicFile.write(file, out -> out.write(text));
    }

    public static String json(SweepResult result, SweepSummary s) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION).put("scenario", s.plan().scenario())
                .put("setting", s.setting().id()).put("repeats", s.plan().repeats()).put("cpus", s.cpus())
                .put("cancelled", result.cancelled()).put("baseline", s.baseline()).put("baselineMs", s.baselineMs())
                .put("totalWorkMs", s.totalWorkMs()).put("longestTaskMs", s.longestTaskMs()).put("verdict", s.verdict());
        ArrayNode values = root.putArray("values");
        s.plan().values().forEach(values::add);
        if (s.fit() != null) {
            root.putObject("amdahl").put("t1Ms", s.fit().t1Ms()).put("serialFraction", s.fit().serialFraction())
                    .put("rmsMs", s.fit().rmsMs());
        } else {
            root.putNull("amdahl");
        }
        ArrayNode points = root.putArray("points");
        for (SweepPoint p : s.points()) {
            ObjectNode o = points.addObject().put("value", p.value()).put("slots", p.slots()).put("runs", p.runs())
                    .put("medianMs", p.medianMs()).put("minMs", p.minMs()).put("maxMs", p.maxMs())
                    .put("speedup", p.speedup()).put("efficiency", p.efficiency()).put("lowerBoundMs", p.lowerBoundMs());
            o.put("karpFlatt", p.karpFlatt());
            o.put("idealSpeedup", p.idealSpeedup());
        }
        ArrayNode runs = root.putArray("runs");
        for (SweepRun r : result.runs()) {
            ObjectNode o = runs.addObject().put("value", r.value()).put("repeat", r.repeat() + 1)
                    .put("makespanMs", r.makespanMs()).put("speedup", s.speedupOf(r))
                    .put("efficiency", s.efficiencyOf(r)).put("complete", r.complete());
            // Each run is an ordinary trace, the same JSON `run --trace` writes, with its speedup
            // against the sweep's baseline (stats.baselineMakespanMs names it).
            o.set("trace", JSON.readTree(TraceJson.toJson(s.traceWithBaseline(r))));
        }
        return JSON.writeValueAsString(root);
    }

    public static void writeJson(SweepResult result, SweepSummary s, Path file) throws IOException {
        String text = json(result, s);
        AtomicFile.write(file, out -> out.write(text));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
