package dev.poolscope.sweep;

import dev.poolscope.engine.InvalidConfigException;
import dev.poolscope.engine.Limits;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a sweep runs: one scenario, one setting given a list of values, each value run
 * {@code repeats} times. Every value's configuration is built and validated up front, so a bad
 * value is reported before any worker starts. Immutable.
 */
public final class SweepPlan {
    /** Runs a sweep may hold; a sweep is for looking at, not for a batch farm. */
    public static final int MAX_RUNS = 1000;
    public static final int MAX_REPEATS = 100;

    private final String scenario;
    private final RunConfig base;
    private final SweepSetting setting;
    private final List<String> values;
    private final List<RunConfig> configs;
    private final int repeats;

    private SweepPlan(String scenario, RunConfig base, SweepSetting setting, List<String> values,
                      List<RunConfig> configs, int repeats) {
        this.scenario = scenario;
        this.base = base;
        this.setting = setting;
        this.values = List.copyOf(values);
        this.configs = List.copyOf(configs);
        this.repeats = repeats;
    }

    /**
     * Checks and builds a plan.
     *
     * @param rawValues the values as a person wrote them; for a pool sweep, empty means
     *                  {@link #defaultPools(int)} for this machine
     * @throws IllegalArgumentException one line saying what is wrong
     */
    public static SweepPlan of(String scenario, RunConfig base, SweepSetting setting, List<String> rawValues,
                               int repeats) {
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new IllegalArgumentException("repeat: must be between 1 and " + MAX_REPEATS + ", got " + repeats);
        }
        if (setting == SweepSetting.POOL && base.mode() == Mode.PROCESS) {
            throw new IllegalArgumentException("pool: a process-mode scenario starts one process per task, so its "
                    + "pool size changes nothing; vary mode instead");
        }
        if (setting == SweepSetting.CHUNKSIZE && (base.mode() == Mode.PROCESS || base.mode() == Mode.APPLY_ASYNC)) {
            throw new IllegalArgumentException("chunksize: " + base.mode().id() + " always hands out one task at a "
                    + "time, so its chunksize changes nothing");
        }
        List<String> raw = rawValues;
        if (raw.isEmpty() && setting == SweepSetting.POOL) {
            raw = defaultPools(Runtime.getRuntime().availableProcessors()).stream().map(String::valueOf).toList();
        }
        if (raw.size() < 2) {
            throw new IllegalArgumentException(setting.id() + ": give at least two values to compare, got "
                    + raw.size());
        }
        Set<String> values = new LinkedHashSet<>();
        for (String r : raw) {
            String v = setting.normalize(r);
            if (!values.add(v)) {
                throw new IllegalArgumentException(setting.id() + ": " + v + " is listed twice");
            }
        }
        if ((long) values.size() * repeats > MAX_RUNS) {
            throw new IllegalArgumentException("a sweep holds at most " + MAX_RUNS + " runs; " + values.size()
                    + " values x " + repeats + " repeats is " + values.size() * repeats);
        }
        List<RunConfig> configs = new ArrayList<>();
        for (String v : values) {
            try {
                configs.add(setting.apply(base.toBuilder(), v).build());
            } catch (InvalidConfigException e) {
                throw new IllegalArgumentException(setting.id() + "=" + v + ": " + e.problems().get(0));
            }
        }
        return new SweepPlan(scenario, base, setting, new ArrayList<>(values), configs, repeats);
    }

    /** 1, 2, 4, ... up to twice the CPU count (which is included even when not a power of two). */
    public static List<Integer> defaultPools(int cpus) {
        int top = Math.min(Limits.MAX_POOL, Math.max(2, 2 * cpus));
        List<Integer> pools = new ArrayList<>();
        for (int p = 1; p < top; p *= 2) {
            pools.add(p);
        }
        pools.add(top);
        return pools;
    }

    public String scenario() {
        return scenario;
    }

    public RunConfig base() {
        return base;
    }

    public SweepSetting setting() {
        return setting;
    }

    /** The values in the order given, normalized. */
    public List<String> values() {
        return values;
    }

    /** The configuration of the value at {@code index}. */
    public RunConfig config(int index) {
        return configs.get(index);
    }

    public int repeats() {
        return repeats;
    }

    public int runCount() {
        return values.size() * repeats;
    }

    /** "pool 4", "chunksize 2", "mode imap": how a value is named in tables and sentences. */
    /** Whether run {@code index} goes to CPython's own Pool rather than PoolScope's workers. */
    public boolean onCPython(int index) {
        return setting == SweepSetting.ENGINE && SweepSetting.CPYTHON.equals(values.get(index));
    }

    /** Whether run {@code index} goes to a local Dask cluster. */
    public boolean onDask(int index) {
        return setting == SweepSetting.ENGINE && SweepSetting.DASK.equals(values.get(index));
    }

    /** Why the plan's CPython or Dask runs cannot start (no usable python3, no Dask; one sentence), or null. */
    public String pythonMissing() {
        for (int v = 0; v < values.size(); v++) {
            if (onDask(v)) {
                String noDask = dev.poolscope.dask.DaskService.unavailable(null);
                if (noDask != null) {
                    return noDask;
                }
            }
        }
        for (int v = 0; v < values.size(); v++) {
            if (onCPython(v)) {
                try {
                    dev.poolscope.cpython.PythonInterpreter.find(null);
                } catch (dev.poolscope.cpython.PythonUnavailableException e) {
                    return e.getMessage();
                }
                return null;
            }
        }
        return null;
    }

    public String label(int index) {
        return setting.id() + " " + values.get(index);
    }
}
