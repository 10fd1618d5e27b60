package dev.poolscope.ui.lesson;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The program beside its picture: a Python program's source (read-only, coloured, numbered)
 * where a scenario shows its settings. During a run the line the main process is at is lit;
 * each mark on the main lane and each task is tied to its line (see {@link LessonLinks}), and
 * Previous/Next step through a finished run's marks, moving the line and the time cursor together.
 */
public final class LessonView extends VBox {
    private final Label title = new Label();
    private final Label caption = new Label();
    private final CodeView code = new CodeView();
    private final Button previous = new Button("\u25C0 Previous");
    private final Button next = new Button("Next \u25B6");
    /** Back to the scenario settings (their lesson picker), which the source took the place of. */
    private final Button settings = new Button("\u2190 Lessons and settings");

    LessonView() {
        setId("lessonView");
        getStyleClass().add("lesson-view");
        getStylesheets().add(LessonView.class.getResource("/dev/poolscope/ui/lesson/lesson.css").toExternalForm());
        setSpacing(6);
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        caption.setId("lessonCaption");
        caption.getStyleClass().add("lesson-caption");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        previous.setId("lessonPrevious");
        next.setId("lessonNext");
        previous.setTooltip(new javafx.scene.control.Tooltip("The previous mark of the run: its line and its time (Alt+Left)"));
        next.setTooltip(new javafx.scene.control.Tooltip("The next mark of the run: its line and its time (Alt+Right)"));
        settings.setId("lessonBackToSettings");
        settings.setTooltip(new javafx.scene.control.Tooltip("Show the scenario settings and the lesson picker again"));
        HBox steps = new HBox(8, previous, next);
        VBox.setVgrow(code, Priority.ALWAYS);
        getChildren().addAll(settings, title, code, steps, caption);
        setMinWidth(0);
        setPrefWidth(420);
    }

    void show(Path file, String source) {
        title.setText(file.getFileName() + " \u2014 a Python program, run on python3");
        code.setSource(source);
        caption.setText("Run it (Ctrl+R): the line the main process is at lights up as it runs. Click a mark or a"
                + " task in the picture to see its line, or a line to see its marks.");
    }

    void onBackToSettings(Runnable r) {
        settings.setOnAction(e -> r.run());
    }

    CodeView code() {
        return code;
    }

    Button previousButton() {
        return previous;
    }

    Button nextButton() {
        return next;
    }

    void setCaption(String text) {
        caption.setText(text);
    }

    /** The lit line during a run (1-based; -1 for none), for tests. */
    public int currentLine() {
        return code.current();
    }

    /** The line lit by a picked mark or task (1-based; -1 for none), for tests. */
    public int pickedLine() {
        return code.picked();
    }

    /** Picks a line as if clicked (tests). */
    public void clickLine(int line) {
        code.getOnLineClicked().accept(line);
    }
}
