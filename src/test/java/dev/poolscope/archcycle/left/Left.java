package dev.poolscope.archcycle.left;

import dev.poolscope.archcycle.right.Right;

/** Half of a deliberate package cycle (left → right → left) that ArchitectureTest's cycle rule must catch. */
public final class Left {
    public Right partner() {
        return new Right();
    }
}
