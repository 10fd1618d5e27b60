package dev.poolscope.trace;

import dev.poolscope.engine.Lane;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The threads-against-processes verdict in words, computed from two runs' measurements: how many
 * lanes of each kind, the cores they used together (each lane's CPU time within the makespan /
 * the makespan, from the OS samples: {@link CpuStats}) and how long they took, e.g. "4 threads
 * used 1.0 cores in total and took 2.1 s; 4 processes used 2.0 cores and took 1.1 s on this
 * 2-CPU machine." A second sentence says what the figures mean, chosen by the figures, so a
 * loaded machine or a free-threaded Python reads as what it is.
 */
public final class CoresVerdict {
    /** Cores a GIL lets one process's threads use together, with room for sampling and the tracer. */
    static final double ONE_CORE = 1.3;
    /** How many more cores the processes must use than the threads to count as running side by side. */
    static final double CLEARLY_MORE = 0.4;
    /** Cores below which a run's lanes mostly waited. */
    static final double WAITING = 0.3;
    /** Share of samples in state R above which a run's lanes wanted a core most of the time. */
    static final double HELD_BACK = 0.5;

    /**
     * One run's figures: lanes of its kind, cores used together (null when not sampled), makespan,
     * and the share of its lanes' samples in state R (running, or ready and waiting for a core):
     * work that waited shows S, work held back by other programs R with little CPU.
     */
    public record Figures(int lanes, String kind, Double cores, double makespanMs, int machineCpus, double load1,
                          double runnable) {
        String words(boolean inTotal) {
            String n = lanes + " " + kind + (lanes == 1 ? "" : kind.endsWith("s") ? "es" : "s");
            String cpu = cores == null ? "(CPU not sampled)"
                    : String.format(Locale.ROOT, "used %.1f cores%s", cores, inTotal ? " in total" : "");
            return String.format(Locale.ROOT, "%s %s and took %.1f s", n, cpu, makespanMs / 1000);
        }
    }

    private CoresVerdict() {}

    /** A run's figures: its lanes of the kind most of them are, and their cores together. */
    public static Figures figures(RunTrace t) {
        Set<Integer> threads = new HashSet<>();
        Set<Integer> processes = new HashSet<>();
        for (WorkerRecord w : t.workers()) {
            (w.lane().kind() == Lane.Kind.THREAD ? threads : processes).add(w.slot());
        }
        boolean byThreads = threads.size() >= processes.size() && !threads.isEmpty();
        Set<Integer> slots = byThreads ? threads : processes;
        double cores = 0;
        boolean sampled = false;
        int samples = 0;
        int runnable = 0;
        for (WorkerRecord w : t.workers()) {
            if (slots.contains(w.slot())) {
                for (OsSample s : w.samples()) {
                    samples++;
                    runnable += s.state() == 'R' ? 1 : 0;
                }
            }
        }
        for (SlotStats s : t.stats().slots()) {
            if (slots.contains(s.slot()) && s.cpuUtilization() != null) {
                cores += s.cpuUtilization();
                sampled = true;
            }
        }
        return new Figures(slots.size(), byThreads ? "thread" : "process", sampled ? cores : null, t.makespanMs(),
                t.stats().machineCpus(), t.stats().machineLoad1(), samples == 0 ? 0 : (double) runnable / samples);
    }

    /** The verdict for a threads run and a processes run of the same work. */
    public static String of(RunTrace threads, RunTrace processes) {
        Figures a = figures(threads);
        Figures b = figures(processes);
        int cpus = Math.max(a.machineCpus(), b.machineCpus());
        String machine = cpus > 0 ? " on this " + cpus + "-CPU machine." : ".";
        return a.words(true) + "; " + b.words(false) + machine + " " + meaning(a, b, cpus);
    }

    private static String meaning(Figures threads, Figures processes, int cpus) {
        if (threads.cores() == null || processes.cores() == null) {
            return "Without the operating system's samples the CPU each used cannot be told.";
        }
        if (threads.cores() > ONE_CORE) {
            return "The threads used more than one core at once: this Python ran them in parallel (a free-threaded"
                    + " build, without the GIL).";
        }
        double load = Math.max(threads.load1(), processes.load1());
        String loadWords = load >= 0 ? String.format(Locale.ROOT, " (load %.1f)", load) : "";
        if (processes.runnable() >= HELD_BACK && processes.cores() < threads.cores() + CLEARLY_MORE) {
            return "The processes were ready to run most of the time but got little CPU: other programs kept the"
                    + " cores busy" + loadWords + ", so this run cannot show the difference. Run both again on a"
                    + " quieter machine.";
        }
        if (threads.cores() < WAITING && processes.cores() < WAITING) {
            return "Neither used much CPU: the work waited, and waiting needs no core, so the threads did as well as"
                    + " the processes.";
        }
        if (processes.cores() >= threads.cores() + CLEARLY_MORE) {
            return "The threads share one process and its GIL, so they took turns on about one core; each process"
                    + " has its own interpreter, so the operating system ran them on several cores at once.";
        }
        if (cpus == 1) {
            return "With one CPU, processes cannot run at once either: neither can use more than one core.";
        }
        return "This time the processes used little more CPU than the threads: either the work waited rather than"
                + " computed (waiting needs no core), or other programs kept the cores busy" + loadWords + ".";
    }
}
