package dev.poolscope.ui.export;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;

/**
 * The lines a text node shows: its own line breaks, and a wrapped text broken between words
 * where it no longer fits its wrapping width (measured in its font, as JavaFX wraps it).
 */
final class TextLines {
    private TextLines() {}

    static List<String> of(Text t) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : t.getText().split("\n", -1)) {
            if (t.getWrappingWidth() <= 0) {
                lines.add(paragraph);
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String tried = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && width(t, tried) > t.getWrappingWidth()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(tried);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** From one baseline to the next. */
    static double height(Text t) {
        Text probe = new Text("Xg");
        probe.setFont(t.getFont());
        return probe.getLayoutBounds().getHeight() + t.getLineSpacing();
    }

    private static double width(Text t, String s) {
        Text probe = new Text(s);
        probe.setFont(t.getFont());
        return probe.getLayoutBounds().getWidth();
    }
}
