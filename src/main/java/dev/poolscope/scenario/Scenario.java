package dev.poolscope.scenario;

import dev.poolscope.engine.RunConfig;
import java.util.Objects;

/**
 * A named run configuration as it is kept in a scenario file or a built-in lesson.
 *
 * @param name        shown in the UI and used as the default file name
 * @param description one line for people; never null ("" when there is none)
 * @param config      the validated run configuration
 */
public record Scenario(String name, String description, RunConfig config) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        description = description == null ? "" : description;
    }
}
