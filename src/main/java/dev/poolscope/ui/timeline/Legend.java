package dev.poolscope.ui.timeline;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * What the marks on the timeline mean. Task colours are listed by name for short task lists;
 * for long ones the legend says that colours repeat and hovering tells the task.
 */
public final class Legend extends FlowPane {
    private static final int MAX_NAMED = 12;

    public Legend() {
        getStyleClass().add("legend");
        setId("legend");
        setHgap(14);
        setVgap(4);
        setAlignment(Pos.CENTER_LEFT);
        setTasks(List.of());
    }

    public void setTasks(List<String> names) {
        getChildren().clear();
        if (names.size() <= MAX_NAMED) {
            for (int i = 0; i < names.size(); i++) {
                getChildren().add(item(swatch("-fx-background-color: " + Palette.taskHex(i) + ";"), names.get(i)));
            }
        } else {
            getChildren().add(item(swatch("-fx-background-color: linear-gradient(to right, #E69F00, #56B4E9, #009E73, "
                    + "#F0E442, #0072B2, #D55E00, #CC79A7);"), names.size() + " tasks (colours repeat; hover a bar)"));
        }
        Region crashed = swatch("");
        crashed.getStyleClass().add("legend-crashed");
        getChildren().add(item(crashed, "\u2716 crashed / failed"));
        Region timeout = swatch("");
        timeout.getStyleClass().add("legend-timeout");
        getChildren().add(item(timeout, "\u25F7 timed out"));
        Region dense = swatch("");
        dense.getStyleClass().add("legend-dense");
        getChildren().add(item(dense, "many short tasks"));
        Region init = swatch("");
        init.getStyleClass().add("legend-init");
        getChildren().add(item(init, "initializer"));
        Region chunk = swatch("");
        chunk.getStyleClass().add("legend-chunk");
        getChildren().add(item(chunk, "one chunk"));
        Region hand = swatch("");
        hand.getStyleClass().add("legend-handover");
        getChildren().add(item(hand, "new PID in the lane"));
        getChildren().add(nowItem("now \u00b7 end: the last worker has exited"));
    }

    /**
     * For a Python program: what its lanes show (calls of the main process, printed lines, the
     * end), instead of a pool's task colours.
     */
    public void forProgram() {
        getChildren().clear();
        Region call = swatch("");
        call.getStyleClass().add("legend-call");
        getChildren().add(item(call, "a call (start, join\u2026)"));
        Region line = swatch("");
        line.getStyleClass().add("legend-printed");
        getChildren().add(item(line, "\u203A printed line"));
        Region group = swatch("");
        group.getStyleClass().add("legend-group");
        getChildren().add(item(group, "\u25B8 N calls: hover or zoom"));
        Region crashed = swatch("");
        crashed.getStyleClass().add("legend-crashed");
        getChildren().add(item(crashed, "\u2716 failed"));
        getChildren().add(nowItem("now \u00b7 end: all processes exited"));
    }

    private static Label nowItem(String text) {
        Region now = swatch("");
        now.getStyleClass().add("legend-now");
        Label l = item(now, text);
        l.setId("legendNow");
        return l;
    }

    private static Region swatch(String style) {
        Region r = new Region();
        r.getStyleClass().add("legend-swatch");
        r.setStyle(style);
        return r;
    }

    private static Label item(Region swatch, String text) {
        Label l = new Label(text, swatch);
        l.getStyleClass().add("legend-item");
        return l;
    }
}
