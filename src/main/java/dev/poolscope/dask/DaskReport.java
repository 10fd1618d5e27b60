package dev.poolscope.dask;

import dev.poolscope.engine.RunEvent;
import java.util.Locale;

/**
 * What a Dask run adds to the text report: the cluster (started for the run, or connected to),
 * the interpreter and Dask version, each worker lane with its host, address, PID and threads, and
 * the scheduler's decisions worth seeing (a worker lost, a task run again). Printable ASCII only.
 */
public final class DaskReport {
    private DaskReport() {}

    public static String render(DaskRun run) {
        StringBuilder sb = new StringBuilder("\nDask\n");
        String address = run.schedulerAddress();
        sb.append("  scheduler    ").append(address == null ? "(not reached)" : printable(address))
                .append(address == null ? "" : run.clusterStarted() ? "  (a local cluster, started and ended with the run)"
                        : "  (an existing cluster, left running)").append('\n');
        sb.append("  interpreter  ").append(printable(run.python().describe())).append('\n');
        sb.append("\nWorkers (lanes)\n");
        if (run.lanes().isEmpty()) {
            sb.append("  (none)\n");
        }
        for (DaskLane l : run.lanes()) {
            sb.append(String.format(Locale.ROOT, "  lane %-3d PID %-8d %-28s host %s, %d thread%s%s%n", l.slot(), l.pid(),
                    printable(l.address()), printable(l.host()), l.threads(), l.threads() == 1 ? "" : "s",
                    l.generation() > 0 ? ", restarted by its nanny" : ""));
        }
        sb.append("\nNotices\n");
        int n = 0;
        for (RunEvent e : run.events()) {
            if (e instanceof RunEvent.RunNotice notice) {
                sb.append(String.format(Locale.ROOT, "  %10.1f ms  %s%n", notice.at() / 1e6, printable(notice.text())));
                n++;
            }
        }
        if (n == 0) {
            sb.append("  (none)\n");
        }
        return sb.toString();
    }

    static String printable(String s) {
        return dev.poolscope.trace.TerminalText.safe(s, 300);
    }
}
