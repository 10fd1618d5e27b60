package dev.poolscope.trace;

import java.util.Locale;

/** Time and number rounding shared by the builder, the statistics and the writers. */
final class Ms {
    private Ms() {}

    /**
     * Nanoseconds to ms with 3 decimals. Rounding here, once, means a trace read back from JSON
     * equals the one that was written (the written decimal parses to the same double).
     */
    static double of(long nanos) {
        return Math.round(nanos / 1000.0) / 1000.0;
    }

    /** Rounds to 0.001; anything not finite becomes 0 so JSON stays valid. */
    static double round3(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000.0) / 1000.0 : 0.0;
    }

    /** Ratios (speedup, efficiency, utilization) keep 6 decimals; not finite becomes 0. */
    static double round6(double v) {
        return Double.isFinite(v) ? Math.round(v * 1_000_000.0) / 1_000_000.0 : 0.0;
    }

    static Double round3(Double v) {
        return v == null ? null : round3(v.doubleValue());
    }

    /** For people: "1234.5". */
    static String text(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }
}
