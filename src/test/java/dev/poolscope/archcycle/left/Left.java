package dev.poolscope.archcycle.left;

import dev.poolscope.archcycle.right.Right;
import dev.poolscope.cpython.CPythonRun;
import dev.poolscope.engine.RunHandle;

/** Test-only rule breaker: half of a deliberate package cycle (left → right → left) that ArchitectureTest's cycle rule must catch. */
public final class Left {
    /** An engine type check outside its engine: what ArchitectureTest's run-model rule forbids. */
    public static boolean onPython(RunHandle run) {
        return run instanceof CPythonRun;
    }

    public Right partner() {
        return new Right();
    }
}
