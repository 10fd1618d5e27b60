package dev.poolscope.sweep;

import java.util.Locale;

/** Numbers as the sweep's tables and sentences show them, the same everywhere. */
public final class Format {
    private Format() {}

    /** Milliseconds: "4012.3" below 10 s, "12345" above. */
    public static String ms(double ms) {
        return Math.abs(ms) >= 10_000 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    /** A ratio with two decimals: "1.98". */
    public static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    /** A share as a percentage: "49.6 %". */
    public static String percent(double r) {
        return String.format(Locale.ROOT, "%.1f %%", r * 100);
    }
}
