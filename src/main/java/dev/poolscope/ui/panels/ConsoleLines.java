package dev.poolscope.ui.panels;

import java.util.Locale;
import java.util.function.LongToIntFunction;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The console's lines: each printed line whole (wrapped, never cut), after the time its process
 * wrote it and that process's PID in the colour of its lane, in the order the run model gives
 * them (a line that arrives late goes back to its place by write time). A line is kept as one
 * string, "ns␟pid␟text", so the capped list can store it as it stores every other line; the
 * cell takes it apart.
 */
final class ConsoleLines {
    private static final char SEP = '\u001F';

    private ConsoleLines() {}

    static String encode(long atNs, long pid, String text) {
        return Long.toString(atNs) + SEP + pid + SEP + text;
    }

    /** When a line was written (ns of the run), or -1 for a notice. */
    static long writtenAt(String line) {
        int a = line.indexOf(SEP);
        if (a <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(line, 0, a, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "576.8 ms", "12.34 s": the run's clock when the line was written. */
    static String time(long ns) {
        double ms = ns / 1e6;
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    /** "576.8 ms  [4278]  ID of main process: 4278" (tests, copying); other lines (notices) as they are. */
    static String readable(String line) {
        String[] p = parts(line);
        return p == null ? line : p[0] + "  [" + p[1] + "]  " + p[2];
    }

    /** time, pid, text; or null for a notice line. */
    static String[] parts(String line) {
        int a = line.indexOf(SEP);
        int b = a < 0 ? -1 : line.indexOf(SEP, a + 1);
        if (b < 0) {
            return null;
        }
        long at = writtenAt(line);
        return new String[] {at < 0 ? line.substring(0, a) : time(at), line.substring(a + 1, b), line.substring(b + 1)};
    }

    /**
     * A wrapped console row. {@code laneOf} tells the lane a PID is drawn on (-1: none known), whose
     * colour its PID takes ({@link dev.poolscope.ui.timeline.Palette#lane}).
     */
    static final class Cell extends ListCell<String> {
        private final Text time = new Text();
        private final Text pid = new Text();
        private final Text text = new Text();
        private final TextFlow flow = new TextFlow(time, pid, text);
        private final LongToIntFunction laneOf;
        private final javafx.beans.property.BooleanProperty dark;

        Cell(ListView<String> list, LongToIntFunction laneOf, javafx.beans.property.BooleanProperty dark) {
            this.laneOf = laneOf;
            this.dark = dark;
            getStyleClass().add("console-cell");
            time.getStyleClass().add("console-time");
            pid.getStyleClass().add("console-pid");
            text.getStyleClass().add("console-text");
            // As wide as the list (less its scroll bar and padding): the text wraps there.
            flow.prefWidthProperty().bind(list.widthProperty().subtract(30));
            flow.maxWidthProperty().bind(list.widthProperty().subtract(30));
            setMinWidth(0);
            setPrefWidth(1);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            String[] p = empty || item == null ? null : parts(item);
            if (p == null) {
                setGraphic(null);
                setText(empty ? null : item);
                setWrapText(true);
                pseudoClassStateChanged(CappedList.MARKER, !empty && item != null && CappedList.isNotice(item));
                return;
            }
            pseudoClassStateChanged(CappedList.MARKER, false);
            time.setText(p[0] + "  ");
            pid.setText("[" + p[1] + "]  ");
            int lane = -1;
            try {
                lane = laneOf.applyAsInt(Long.parseLong(p[1]));
            } catch (NumberFormatException e) {
                // not a PID: no lane colour
            }
            Color c = lane < 0 ? null : dev.poolscope.ui.timeline.Palette.lane(lane, dark.get());
            pid.setStyle(c == null ? "" : "-fx-fill: " + hex(c) + ";");
            text.setText(p[2]);
            setText(null);
            setGraphic(flow);
        }

        private static String hex(Color c) {
            return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255),
                    (int) (c.getBlue() * 255));
        }
    }
}
