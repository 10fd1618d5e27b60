package dev.poolscope.ui.sweep;

import dev.poolscope.sweep.Format;
import dev.poolscope.sweep.SweepPoint;
import dev.poolscope.sweep.SweepSummary;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The sweep's numbers, a row per value: the same columns as the command line's table. */
final class SweepTable extends TableView<SweepPoint> {
    SweepTable() {
        setId("sweepTable");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN); // JavaFX 20+: the non-deprecated name of the old policy
        setPlaceholder(new javafx.scene.control.Label("No finished runs yet"));
        getColumns().add(column("value", SweepPoint::value));
        getColumns().add(column("runs", p -> String.valueOf(p.runs())));
        getColumns().add(column("median ms", p -> Format.ms(p.medianMs())));
        getColumns().add(column("min ms", p -> Format.ms(p.minMs())));
        getColumns().add(column("max ms", p -> Format.ms(p.maxMs())));
        getColumns().add(column("speedup", p -> Format.ratio(p.speedup())));
        getColumns().add(column("efficiency", p -> Format.percent(p.efficiency())));
        getColumns().add(column("Karp-Flatt", p -> p.karpFlatt() == null ? "\u2013" : Format.ratio(p.karpFlatt())));
        getColumns().add(column("bound ms", p -> Format.ms(p.lowerBoundMs())));
    }

    void show(SweepSummary s) {
        getItems().setAll(s == null ? java.util.List.of() : s.points());
        if (s != null) {
            getColumns().get(0).setText(s.setting().id());
            // Efficiency only where a pool sweep measured it against its baseline's workers.
            getColumns().get(6).setText(s.scaling() ? "efficiency" : "workers busy");
        }
    }

    private static TableColumn<SweepPoint, String> column(String title, Function<SweepPoint, String> value) {
        TableColumn<SweepPoint, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
