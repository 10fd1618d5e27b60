package dev.poolscope.ui.screen;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Keeps windows on the screen they open on. Without a window manager (a projector's kiosk
 * session, Xvfb) a window stays exactly where it asked to be: a 1400x900 window centred on a
 * 1280x720 screen opened at -60,-60 with its menus off-screen. So every window here asks for a
 * size and a place inside the screen's visible bounds, and presenter mode scales its text to
 * the screen, so a projected 1920x1080 reads like 1280x720.
 */
public final class ScreenFit {
    /** The screen presenter mode is designed on: text there is the presenter size as written in the CSS. */
    public static final double DESIGN_WIDTH = 1280;
    public static final double DESIGN_HEIGHT = 720;
    /** A screen the tests pretend to have (Monocle's own screen is one size for the whole test JVM). */
    private static volatile Rectangle2D pretend;

    private ScreenFit() {}

    /** Tests: behave as if the screen's visible bounds were {@code bounds} (null: the real screen again). */
    public static void pretendScreen(Rectangle2D bounds) {
        pretend = bounds;
    }

    /** The visible bounds (without task bars) of the screen windows open on. */
    public static Rectangle2D bounds() {
        Rectangle2D p = pretend;
        return p != null ? p : Screen.getPrimary().getVisualBounds();
    }

    /** The visible bounds of the screen {@code owner} is on (its centre decides), or {@link #bounds()}. */
    public static Rectangle2D boundsOf(Window owner) {
        Rectangle2D p = pretend;
        if (p != null || owner == null || Double.isNaN(owner.getX())) {
            return bounds();
        }
        var screens = Screen.getScreensForRectangle(owner.getX() + owner.getWidth() / 2,
                owner.getY() + owner.getHeight() / 2, 1, 1);
        return screens.isEmpty() ? bounds() : screens.get(0).getVisualBounds();
    }

    /** The size a window asking for {@code w} x {@code h} gets: no larger than the screen. */
    public static double[] size(double w, double h, Rectangle2D screen) {
        return new double[] {Math.min(w, screen.getWidth()), Math.min(h, screen.getHeight())};
    }

    /**
     * Sizes and places the main window before it is shown: centred in the screen's visible bounds
     * and no larger, or ({@code maximized}) covering them, which also holds where no window
     * manager answers {@code setMaximized}.
     */
    public static void place(Stage stage, double w, double h, boolean maximized) {
        Rectangle2D b = bounds();
        if (maximized) {
            stage.setX(b.getMinX());
            stage.setY(b.getMinY());
            stage.setWidth(b.getWidth());
            stage.setHeight(b.getHeight());
            if (pretend == null) {
                // Told to a window manager, where there is one (the bounds above hold where there is none).
                stage.setMaximized(true);
            }
            return;
        }
        stage.setMaximized(false);
        double[] s = size(w, h, b);
        stage.setWidth(s[0]);
        stage.setHeight(s[1]);
        stage.setX(b.getMinX() + (b.getWidth() - s[0]) / 2);
        stage.setY(b.getMinY() + (b.getHeight() - s[1]) / 2);
    }

    /**
     * A dialog or second window: once it knows its size, shrink it to the screen its owner is on
     * and move it inside (centred over the owner where that fits).
     */
    public static void keepInside(Stage dialog, Window owner) {
        dialog.setOnShown(e -> clamp(dialog, owner));
    }

    static void clamp(Stage dialog, Window owner) {
        Rectangle2D b = boundsOf(owner);
        double w = Math.min(dialog.getWidth(), b.getWidth());
        double h = Math.min(dialog.getHeight(), b.getHeight());
        dialog.setWidth(w);
        dialog.setHeight(h);
        double x = owner == null ? b.getMinX() + (b.getWidth() - w) / 2 : owner.getX() + (owner.getWidth() - w) / 2;
        double y = owner == null ? b.getMinY() + (b.getHeight() - h) / 2 : owner.getY() + (owner.getHeight() - h) / 2;
        dialog.setX(Math.max(b.getMinX(), Math.min(x, b.getMaxX() - w)));
        dialog.setY(Math.max(b.getMinY(), Math.min(y, b.getMaxY() - h)));
    }

    /**
     * How much larger than written presenter text is drawn on this screen: 1 at 1280x720 (and on
     * smaller screens, where it cannot shrink further and stay readable), 1.5 at 1920x1080.
     */
    public static double presenterScale(Rectangle2D screen) {
        double s = Math.min(screen.getWidth() / DESIGN_WIDTH, screen.getHeight() / DESIGN_HEIGHT);
        return Math.max(1, Math.min(3, s));
    }
}
