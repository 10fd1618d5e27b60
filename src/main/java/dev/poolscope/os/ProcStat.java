package dev.poolscope.os;

/**
 * The fields PoolScope reads from one line of Linux's {@code /proc/PID/stat} (see proc(5)).
 *
 * <p>The second field is the process name in parentheses, and the name itself may hold spaces and
 * parentheses ({@code "1234 (my (odd) name) S 1 ..."}), so the line cannot simply be split on
 * spaces: the name ends at the LAST ')' of the line, and the numbered fields follow it.
 *
 * @param state      field 3: R running, S sleeping, D disk wait, T stopped, t traced, Z zombie, ...
 * @param utimeTicks field 14: CPU time in user mode, in clock ticks ({@code getconf CLK_TCK})
 * @param stimeTicks field 15: CPU time in kernel mode, in clock ticks
 * @param rssPages   field 24: resident set size, in pages
 */
public record ProcStat(long pid, String name, char state, long utimeTicks, long stimeTicks, long rssPages) {

    /** Parses a stat line; throws IllegalArgumentException naming what is wrong with it. */
    public static ProcStat parse(String line) {
        if (line == null) {
            throw new IllegalArgumentException("no stat line");
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new IllegalArgumentException("no '(name)' in stat line: " + shorten(line));
        }
        long pid = number(line.substring(0, open).trim(), "pid", line);
        String name = line.substring(open + 1, close);
        // After the name: field 3 (state) is rest[0], so field N is rest[N - 3].
        String[] rest = line.substring(close + 1).trim().split(" +");
        if (rest.length < 22 || rest[0].length() != 1) {
            throw new IllegalArgumentException("too few fields after the name in stat line: " + shorten(line));
        }
        return new ProcStat(pid, name, rest[0].charAt(0), number(rest[11], "utime", line),
                number(rest[12], "stime", line), number(rest[21], "rss", line));
    }

    private static long number(String s, String field, String line) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number ('" + s + "') in stat line: " + shorten(line));
        }
    }

    private static String shorten(String line) {
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
