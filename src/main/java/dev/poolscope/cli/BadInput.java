package dev.poolscope.cli;

import java.util.List;

/**
 * Bad input or usage, in PoolScope's one voice: each line says where (an option such as
 * {@code --pool}, or a file) and then what is wrong and what to do, for example
 * {@code --pool: must be between 1 and 64, got 0}. The command line puts the command's name in
 * front ({@code poolscope run: }) and exits with {@link PoolScopeCommand#BAD_INPUT}; see
 * {@link PoolScopeCommand#execute}.
 */
final class BadInput extends RuntimeException {
    private final List<String> lines;

    BadInput(String line) {
        this(List.of(line));
    }

    BadInput(List<String> lines) {
        super(String.join("; ", lines), null, false, false);
        this.lines = List.copyOf(lines);
    }

    /** Refuses {@code value} of {@code option} outside min..max, in the same words as a scenario's limits. */
    static void unlessBetween(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new BadInput(option + ": must be between " + min + " and " + max + ", got " + value);
        }
    }

    List<String> lines() {
        return lines;
    }
}
