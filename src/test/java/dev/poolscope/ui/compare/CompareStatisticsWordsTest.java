package dev.poolscope.ui.compare;

import static dev.poolscope.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.trace.RunTrace;
import dev.poolscope.ui.export.KnownTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The comparison window's statistics table says only what was measured (issue 21): runs with no
 * baseline show how many tasks ran at once and the CPU use in cores, and the words "speedup" and
 * "efficiency" appear nowhere in the table; a run measured against a baseline (a sweep's pool-1
 * point, a pinned run) shows its speedup, its efficiency and the baseline's makespan. Read from
 * the window's own labels (the grid's row names and cells).
 */
class CompareStatisticsWordsTest {
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            fx(() -> {
                stage.close();
                return null;
            });
        }
    }

    private static ComparedRun known(String label) {
        return ComparedRun.of(label, "known", KnownTrace.config(), KnownTrace.events());
    }

    @Test
    void aSingleRunWithoutABaselineShowsTasksAtOnceAndCpuUseAndNoSpeedupOrEfficiency() throws Exception {
        List<List<String>> table = table(List.of(known("one run")));
        List<String> names = table.stream().map(r -> r.get(0)).toList();
        assertTrue(names.contains("tasks at once (busy / makespan)"), names.toString());
        assertTrue(names.contains("CPU use (cores)"), names.toString());
        noSpeedupOrEfficiency(table);
    }

    @Test
    void twoRunsWithoutABaselineShowNoSpeedupOrEfficiencyEither() throws Exception {
        List<List<String>> table = table(List.of(known("threads"), known("processes")));
        assertEquals(3, table.get(0).size(), "a name and a cell per run");
        noSpeedupOrEfficiency(table);
    }

    @Test
    void aRunMeasuredAgainstASweepsPoolOnePointShowsItsSpeedupEfficiencyAndBaseline() throws Exception {
        ComparedRun run = known("pool 2");
        // As the sweep hands it over: the pool-1 point's median makespan 3000 ms, twice the workers.
        RunTrace measured = run.trace().withStats(run.trace().stats().withBaseline(3000, 2.0));
        List<List<String>> table = table(List.of(new ComparedRun("pool 2", run.config(), measured, run.events())));
        assertEquals(List.of("speedup (baseline / makespan)", "2.00\u00d7"), rowNamed(table, "speedup"));
        assertEquals(List.of("efficiency (speedup / workers against the baseline's)", "100.0 %"),
                rowNamed(table, "efficiency"));
        assertEquals(List.of("baseline makespan (ms)", "3000.0"), rowNamed(table, "baseline makespan"));
    }

    @Test
    void aPinnedRunIsTheBaselineOfTheNext() throws Exception {
        ComparedRun pinned = known("pinned: pool 2");
        ComparedRun next = known("next: pool 2");
        List<List<String>> table = table(List.of(
                new ComparedRun(pinned.label(), pinned.config(), CompareRows.against(pinned.trace(), pinned.trace()), pinned.events()),
                new ComparedRun(next.label(), next.config(), CompareRows.against(next.trace(), pinned.trace()), next.events())));
        List<String> speedup = rowNamed(table, "speedup");
        assertEquals("1.00\u00d7", speedup.get(1), "the pinned run against itself");
        assertEquals("1.00\u00d7", speedup.get(2), "the same run again: as fast");
    }

    private static void noSpeedupOrEfficiency(List<List<String>> table) {
        for (List<String> row : table) {
            for (String cell : row) {
                String c = cell.toLowerCase(Locale.ROOT);
                assertFalse(c.contains("speedup") || c.contains("efficiency"), "'" + cell + "' in " + table);
            }
        }
    }

    private static List<String> rowNamed(List<List<String>> table, String start) {
        return table.stream().filter(r -> r.get(0).startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + start + "' in " + table));
    }

    /** The statistics grid as shown: a row per line, its name first, then a cell per run (the header row left out). */
    private List<List<String>> table(List<ComparedRun> runs) throws Exception {
        return fx(() -> {
            CompareView view = new CompareView(runs);
            stage = new Stage();
            stage.setScene(new Scene(view, 1200, 800));
            stage.show();
            GridPane grid = (GridPane) view.lookup("#compareStats");
            int rows = 0;
            int cols = 0;
            for (Node n : grid.getChildren()) {
                rows = Math.max(rows, GridPane.getRowIndex(n) == null ? 0 : GridPane.getRowIndex(n));
                cols = Math.max(cols, GridPane.getColumnIndex(n) == null ? 0 : GridPane.getColumnIndex(n));
            }
            String[][] cells = new String[rows + 1][cols + 1];
            for (Node n : grid.getChildren()) {
                if (n instanceof Label l) {
                    int r = GridPane.getRowIndex(n) == null ? 0 : GridPane.getRowIndex(n);
                    int c = GridPane.getColumnIndex(n) == null ? 0 : GridPane.getColumnIndex(n);
                    cells[r][c] = l.getText();
                }
            }
            List<List<String>> out = new ArrayList<>();
            for (int r = 1; r <= rows; r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c <= cols; c++) {
                    row.add(cells[r][c] == null ? "" : cells[r][c]);
                }
                out.add(row);
            }
            return out;
        });
    }
}
