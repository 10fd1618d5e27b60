package dev.poolscope.sweep;

import dev.poolscope.engine.Limits;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.StartPolicy;
import java.util.Locale;

/**
 * The one setting a sweep varies. Numeric settings are drawn on a log2 axis; the others
 * (mode, start policy, engine) as categories. Only a pool sweep has the scaling metrics (ideal line, Karp-Flatt,
 * Amdahl), because only there does the number of workers change.
 */
public enum SweepSetting {
    POOL("pool", true),
    CHUNKSIZE("chunksize", true),
    MODE("mode", false),
    /** When the pool hands out its first chunks: together (the default) or as each worker is ready. */
    START("start", false),
    /** Which engine runs the scenario: PoolScope's workers (java), CPython's own Pool (cpython) or a local Dask cluster (dask). */
    ENGINE("engine", false);

    /** The engines {@link #ENGINE} takes. */
    public static final String JAVA = "java";
    public static final String CPYTHON = "cpython";
    public static final String DASK = "dask";

    private final String id;
    private final boolean numeric;

    SweepSetting(String id, boolean numeric) {
        this.id = id;
        this.numeric = numeric;
    }

    /** The name on the command line and in CSV headers. */
    public String id() {
        return id;
    }

    public boolean numeric() {
        return numeric;
    }

    /** The setting named {@code id} ("pool", "chunksize", "mode"), or null. */
    public static SweepSetting fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (SweepSetting s : values()) {
            if (s.id.equals(wanted)) {
                return s;
            }
        }
        return null;
    }

    public static String ids() {
        StringBuilder sb = new StringBuilder();
        for (SweepSetting s : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s.id);
        }
        return sb.toString();
    }

    /**
     * A value as written by a person, checked and spelled the one way the sweep labels it
     * ("imap-unordered" becomes "imap_unordered", "04" becomes "4").
     *
     * @throws IllegalArgumentException with a one-line reason naming the setting and value
     */
    public String normalize(String raw) {
        String v = raw == null ? "" : raw.trim();
        if (numeric) {
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(id + ": '" + v + "' is not a whole number");
            }
            long max = this == POOL ? Limits.MAX_POOL : Limits.MAX_CHUNKSIZE;
            if (n < 1 || n > max) {
                throw new IllegalArgumentException(id + ": must be between 1 and " + max + ", got " + v);
            }
            return Long.toString(n);
        }
        if (this == ENGINE) {
            String e = v.toLowerCase(Locale.ROOT);
            if (!e.equals(JAVA) && !e.equals(CPYTHON) && !e.equals(DASK)) {
                throw new IllegalArgumentException("engine: must be java, cpython or dask, got '" + v + "'");
            }
            return e;
        }
        if (this == START) {
            StartPolicy p = StartPolicy.fromId(v);
            if (p == null) {
                throw new IllegalArgumentException("start: must be together or asap, got '" + v + "'");
            }
            return p.id();
        }
        Mode m = Mode.fromId(v);
        if (m == null) {
            throw new IllegalArgumentException("mode: must be one of " + Mode.ids() + ", got '" + v + "'");
        }
        return m.id();
    }

    /** The base configuration with this setting set to a normalized value. */
    RunConfig.Builder apply(RunConfig.Builder b, String value) {
        switch (this) {
            case POOL -> b.pool(Integer.parseInt(value));
            case CHUNKSIZE -> b.chunksize(Integer.parseInt(value));
            case MODE -> b.mode(Mode.fromId(value));
            case START -> b.startPolicy(StartPolicy.fromId(value));
            case ENGINE -> { } // the same configuration; SweepRunner picks the engine
            default -> throw new IllegalStateException(id);
        }
        return b;
    }

    /** The value as a number on the chart's x axis: log2 for numeric settings, else the position. */
    public double axisX(String value, int position) {
        return numeric ? Math.log(Double.parseDouble(value)) / Math.log(2) : position;
    }
}
