package dev.poolscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A validated, immutable description of one run: the pool options and the task list.
 * Build it with {@link #builder()}; {@link Builder#build()} checks every value against
 * {@link Limits} and throws {@link InvalidConfigException} listing each problem.
 */
public final class RunConfig {
    private final Mode mode;
    private final int pool;
    private final Integer chunksize;
    private final Integer maxTasksPerChild;
    private final TaskSpec initializer;
    private final Long timeoutMs;
    private final List<TaskSpec> tasks;
    private final StartPolicy startPolicy;
    private final long togetherCapMs;
    private final boolean observed;

    /** Under {@link StartPolicy#TOGETHER}, the longest the ready workers wait for the rest. */
    public static final long DEFAULT_TOGETHER_CAP_MS = 10_000;

    private RunConfig(Builder b, boolean observed) {
        this.mode = b.mode;
        this.pool = b.pool;
        this.chunksize = b.chunksize;
        this.maxTasksPerChild = b.maxTasksPerChild;
        this.initializer = b.initializer;
        this.timeoutMs = b.timeoutMs;
        this.tasks = List.copyOf(b.tasks);
        this.startPolicy = b.startPolicy;
        this.togetherCapMs = b.togetherCapMs;
        this.observed = observed;
    }

    public Mode mode() {
        return mode;
    }

    /** Number of worker slots: the pool size, or one per task in process mode. */
    public int slots() {
        return mode.usesPool() ? pool : tasks.size();
    }

    public int pool() {
        return pool;
    }

    /** The chunksize as given, or null when it is left to the default. */
    public Integer chunksize() {
        return chunksize;
    }

    /**
     * The chunksize the run uses. As in CPython: {@code map} computes
     * {@code ceil(len / (pool * 4))}; {@code imap}, {@code imap_unordered} default to 1;
     * {@code apply_async} and {@code process} always hand out one task at a time.
     */
    public int effectiveChunksize() {
        if (mode == Mode.APPLY_ASYNC || mode == Mode.PROCESS) {
            return 1;
        }
        if (chunksize != null) {
            return chunksize;
        }
        return mode == Mode.MAP ? defaultMapChunksize(tasks.size(), pool) : 1;
    }

    /** {@code Pool.map}'s default: divmod(len, pool * 4), plus one if there is a remainder. */
    public static int defaultMapChunksize(int taskCount, int pool) {
        if (taskCount == 0) {
            return 1;
        }
        int per = pool * 4;
        return taskCount / per + (taskCount % per == 0 ? 0 : 1);
    }

    public Integer maxTasksPerChild() {
        return maxTasksPerChild;
    }

    public TaskSpec initializer() {
        return initializer;
    }

    /** Run-wide time limit per task in ms, or null; a task's own limit wins. */
    public Long timeoutMs() {
        return timeoutMs;
    }

    public List<TaskSpec> tasks() {
        return tasks;
    }

    /** When the pool hands out its first chunks; {@link StartPolicy#TOGETHER} unless set. */
    public StartPolicy startPolicy() {
        return startPolicy;
    }

    long togetherCapMs() {
        return togetherCapMs;
    }

    /**
     * Whether this describes a run PoolScope watched rather than one it was asked to make (a
     * Python program's, built with {@link Builder#buildObserved()}): PoolService refuses it.
     */
    public boolean observed() {
        return observed;
    }

    /** The time limit that applies to a task, or null. */
    public Long timeoutFor(TaskSpec task) {
        return task.timeoutMs() != null ? task.timeoutMs() : timeoutMs;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().mode(mode).pool(pool).chunksize(chunksize).maxTasksPerChild(maxTasksPerChild)
                .initializer(initializer).timeoutMs(timeoutMs).tasks(tasks).startPolicy(startPolicy)
                .togetherCapMs(togetherCapMs);
    }

    public static final class Builder {
        private Mode mode = Mode.MAP;
        private int pool = Limits.defaultPool();
        private Integer chunksize;
        private Integer maxTasksPerChild;
        private TaskSpec initializer;
        private Long timeoutMs;
        private final List<TaskSpec> tasks = new ArrayList<>();
        private StartPolicy startPolicy = StartPolicy.TOGETHER;
        private long togetherCapMs = DEFAULT_TOGETHER_CAP_MS;

        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder pool(int pool) {
            this.pool = pool;
            return this;
        }

        public Builder chunksize(Integer chunksize) {
            this.chunksize = chunksize;
            return this;
        }

        public Builder maxTasksPerChild(Integer maxTasksPerChild) {
            this.maxTasksPerChild = maxTasksPerChild;
            return this;
        }

        public Builder initializer(TaskSpec initializer) {
            this.initializer = initializer;
            return this;
        }

        public Builder timeoutMs(Long timeoutMs) {
            this.timeoutMs = timeoutMs;
            return this;
        }

        public Builder startPolicy(StartPolicy startPolicy) {
            this.startPolicy = Objects.requireNonNull(startPolicy, "startPolicy");
            return this;
        }

        /** For tests: how long {@link StartPolicy#TOGETHER} waits at most. */
        Builder togetherCapMs(long ms) {
            this.togetherCapMs = ms;
            return this;
        }

        public Builder task(TaskSpec task) {
            tasks.add(Objects.requireNonNull(task, "task"));
            return this;
        }

        public Builder tasks(List<TaskSpec> list) {
            tasks.clear();
            list.forEach(this::task);
            return this;
        }

        /** The problems with the values given so far, one "field: reason" line each. */
        public List<String> problems() {
            return ConfigRules.check(mode, pool, chunksize, maxTasksPerChild, initializer, timeoutMs, tasks);
        }

        public RunConfig build() {
            List<String> problems = problems();
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
            return new RunConfig(this, false);
        }

        /**
         * What a watched run (a Python program's) has shown so far, as a configuration: its mode,
         * its lanes as the pool, the tasks it made. Not checked against {@link Limits}, since
         * the program, not PoolScope, decided them (a program may make a million tasks), and it
         * may have no task yet. Only the pool must be at least 1.
         */
        public RunConfig buildObserved() {
            if (pool < 1) {
                throw new InvalidConfigException(List.of("pool: must be at least 1, got " + pool));
            }
            return new RunConfig(this, true);
        }
    }
}
