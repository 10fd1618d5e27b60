package dev.poolscope.ui;

import dev.poolscope.ui.config.ConfigModel;
import javafx.stage.Stage;

/**
 * What a piece of the main window (its trace tools, exports, Analyze menu, replay, pinning)
 * uses of it, and no more: the stage to own dialogs, a way to show a problem, the current run,
 * the scenario being edited, and the look. The window implements it; the pieces sit in
 * packages below the window, so they cannot reach into it and no package cycle forms.
 * Every method is called on the FX thread.
 */
public interface WindowHost {
    /** The window's stage: the owner of every dialog and window a piece opens. */
    Stage stage();

    /** Shows a problem in the window's message area, in plain words. */
    void showProblem(String text);

    /** The window's run: the one going, or the last one, or the replay on screen. */
    CurrentRun currentRun();

    /** The scenario being edited (its name, its settings, its problems). */
    ConfigModel config();

    /** How the window looks now, for pictures that should look the same. */
    Look look();
}
