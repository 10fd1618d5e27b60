package dev.poolscope.ui.app;

import dev.poolscope.about.AppInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The app's face on the desktop: the PoolScope icon on a window (title bar, task bar, Alt+Tab)
 * and the name "PoolScope" as the window's class, which task bars on Linux group and label
 * windows by. The icon PNGs are drawn by src/dist/IconMaker.java at each size.
 */
public final class AppIdentity {
    static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static List<Image> icons;

    private AppIdentity() {}

    /** Gives the stage the icons, and names the app if nothing has yet (see {@link #claimName}). */
    public static void apply(Stage stage) {
        claimName();
        stage.getIcons().setAll(icons());
    }

    /** The icon at every size (loaded once; the window system picks the size it needs). */
    public static synchronized List<Image> icons() {
        if (icons == null) {
            List<Image> list = new ArrayList<>();
            for (int size : ICON_SIZES) {
                try (InputStream in = AppIdentity.class.getResourceAsStream("icons/poolscope-" + size + ".png")) {
                    if (in != null) {
                        list.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    // A missing size is no reason not to open: the others stand in.
                }
            }
            icons = List.copyOf(list);
        }
        return icons;
    }

    /**
     * Names the app "PoolScope" for the desktop. JavaFX on Linux sets each window's WM_CLASS,
     * which task bars show and group windows by, from the glass application's name, and that
     * name can be set once only: {@code Application.launch} sets it to the Application class's
     * full name right after constructing it, so the constructor calls this first (on the FX
     * thread). JavaFX has no public API for it; the glass class is reachable where JavaFX is on
     * the class path (the jar, the image). Where JavaFX is a named module (javafx:run) the
     * default name stays, harmlessly.
     */
    public static void claimName() {
        try {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            Object app = glass.getMethod("GetApplication").invoke(null);
            if (app != null) {
                glass.getMethod("setName", String.class).invoke(app, AppInfo.NAME);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not exported to us here: the window keeps JavaFX's default class name.
        }
    }
}
