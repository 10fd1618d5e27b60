package dev.poolscope.engine;

import java.util.Locale;

/** When a pool hands out its first chunks. Process mode ignores it: each process runs its task once started. */
public enum StartPolicy {
    /**
     * The default, as CPython's Pool looks: the first chunks go out when every worker of the
     * pool is ready, so the lanes start together and start-up skew does not leak into the tasks'
     * timing. A slot that gives up is not waited for, nor is anyone after
     * {@link RunConfig#DEFAULT_TOGETHER_CAP_MS}.
     */
    TOGETHER,
    /** Each worker takes work the moment it is ready: lanes start staggered, showing start-up. */
    ASAP;

    /** The name used on the command line and in settings ("together", "asap"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks a policy up by its id; null when there is none. */
    public static StartPolicy fromId(String id) {
        String wanted = id == null ? "" : id.trim().toUpperCase(Locale.ROOT);
        for (StartPolicy p : values()) {
            if (p.name().equals(wanted)) {
                return p;
            }
        }
        return null;
    }
}
