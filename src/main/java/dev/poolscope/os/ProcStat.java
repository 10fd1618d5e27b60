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
        // After the name, fields are separated by single spaces: field 3 (state) is the first.
        // Scanned by hand: this runs for every worker ten times a second.
        String[] want = new String[25];
        int field = 3;
        int i = close + 1;
        int n = line.length();
        while (i < n && field <= 24) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                if (field == 3 || field == 14 || field == 15 || field == 24) {
                    want[field] = line.substring(start, i);
                }
                field++;
            }
        }
        if (field <= 24 || want[3].length() != 1) {
            throw new IllegalArgumentException("too few fields after the name in stat line: " + shorten(line));
        }
        return new ProcStat(pid, name, want[3].charAt(0), number(want[14], "utime", line),
                number(want[15], "stime", line), number(want[24], "rss", line));
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
