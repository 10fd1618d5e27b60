package dev.poolscope.archcycle.right;

import dev.poolscope.archcycle.left.Left;

/** The other half of the deliberate cycle: it points back at {@link Left}. */
public final class Right {
    public Left partner() {
        return new Left();
    }
}
