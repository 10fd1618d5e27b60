package dev.poolscope.scenario;

import java.util.List;

/**
 * A scenario that cannot be read or used. Each problem is one line, "SOURCE: FIELD: REASON"
 * (or "SOURCE: line L, column C: REASON" for broken JSON), written to be shown to a user as is.
 */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems in the order they were found, at most about 20 plus a "... and N more" line. */
    public List<String> problems() {
        return problems;
    }
}
