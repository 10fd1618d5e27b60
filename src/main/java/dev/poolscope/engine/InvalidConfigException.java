package dev.poolscope.engine;

import java.util.List;

/** A run configuration that breaks the rules; each problem reads "field: reason". */
public final class InvalidConfigException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
