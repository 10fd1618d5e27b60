package dev.poolscope.ui.compare;

import dev.poolscope.engine.RunHandle;
import dev.poolscope.ui.CurrentRun;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Pin this run": keeps a finished run of the main window aside, and when the next run ends,
 * opens it and the pinned one in a comparison window. The pin is then used up, so every
 * comparison is one the user asked for.
 */
public final class RunPinning {
    private final CurrentRun controller;
    private final Supplier<String> scenarioName;
    private final Supplier<Window> owner;
    private final ReadOnlyObjectWrapper<ComparedRun> pinned = new ReadOnlyObjectWrapper<>();
    private RunHandle pinnedHandle;
    private Stage lastWindow;

    public RunPinning(CurrentRun controller, Supplier<String> scenarioName, Supplier<Window> owner) {
        this.controller = controller;
        this.scenarioName = scenarioName;
        this.owner = owner;
        controller.runningProperty().addListener((o, was, is) -> {
            if (was && !is) {
                runEnded();
            }
        });
    }

    public ReadOnlyObjectProperty<ComparedRun> pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    /** Whether the window's last run has finished and can be pinned. */
    public boolean canPin() {
        RunHandle h = controller.handle();
        return h != null && h.isDone() && !controller.runningProperty().get();
    }

    /** Pins the window's last finished run; returns false when there is none. */
    public boolean pin() {
        if (!canPin()) {
            return false;
        }
        RunHandle h = controller.handle();
        pinnedHandle = h;
        pinned.set(ComparedRun.of("pinned: " + ComparedRun.describe(h.config()), scenarioName.get(), h.config(),
                h.events()));
        return true;
    }

    public void unpin() {
        pinned.set(null);
        pinnedHandle = null;
    }

    /** The comparison window opened last, or null (for tests). */
    public Stage lastWindow() {
        return lastWindow;
    }

    private void runEnded() {
        ComparedRun first = pinned.get();
        RunHandle h = controller.handle();
        if (first == null || h == null || h == pinnedHandle || !h.isDone()) {
            return;
        }
        ComparedRun measured = ComparedRun.of("next: " + ComparedRun.describe(h.config()), scenarioName.get(), h.config(),
                h.events());
        // The pinned run is a measured baseline: the next one's speedup is against it, and it is its own (1x).
        first = new ComparedRun(first.label(), first.config(), CompareRows.against(first.trace(), first.trace()),
                first.events());
        ComparedRun next = new ComparedRun(measured.label(), measured.config(),
                CompareRows.against(measured.trace(), first.trace()), measured.events());
        unpin();
        lastWindow = CompareWindow.open(owner.get(), scenarioName.get() + ": pinned run against the next", List.of(first, next));
    }
}
