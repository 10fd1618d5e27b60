package dev.poolscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.about.AppInfo;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The window's icon and Help > About, driven through the real menu. */
class AboutAndIdentityTest extends WindowTest {

    @Test
    void windowCarriesTheIconAtEverySize() throws Exception {
        List<Image> icons = WindowDriver.fx(() -> List.copyOf(window.stage().getIcons()));
        assertEquals(List.of(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0),
                icons.stream().map(Image::getWidth).toList());
        assertTrue(icons.stream().noneMatch(Image::isError));
    }

    @Test
    void helpAboutShowsVersionJavaJavaFxAndLicence(FxRobot robot) throws Exception {
        robot.clickOn("Help");
        robot.clickOn("About PoolScope");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AppInfo.version(), text(robot, "#aboutVersion"));
        assertTrue(text(robot, "#aboutJava").startsWith("Java " + System.getProperty("java.version")));
        assertEquals(System.getProperty("javafx.runtime.version"), text(robot, "#aboutJavaFx"));
        assertEquals("MIT", text(robot, "#aboutLicence"));
        String licence = WindowDriver.fx(() -> robot.lookup("#aboutLicenceText").queryAs(TextArea.class).getText());
        assertTrue(licence.contains("Copyright (c) 2026 PoolScope authors"), licence);
        robot.clickOn("OK");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#aboutDialog").tryQuery().isEmpty(), "the dialog should close on OK");
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return WindowDriver.fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
