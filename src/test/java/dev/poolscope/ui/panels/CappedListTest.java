package dev.poolscope.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A flush edits the shown items (drops the oldest, appends the newest) instead of replacing them;
 * after any sequence of lines, notices and flushes they must be exactly what a fresh build shows.
 */
class CappedListTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void editedItemsAlwaysEqualAFreshBuild() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Random random = new Random(3);
            CappedList list = new CappedList("Completed", "completedTest", 200, "results");
            int line = 0;
            int flushes = 0;
            for (int round = 0; round < 400; round++) {
                int n = random.nextInt(round % 50 == 7 ? 400 : 30);
                for (int i = 0; i < n; i++) {
                    // Now and then a notice: pushed out of the newest 200, it is pinned on top.
                    list.add(random.nextInt(25) == 0 ? "\u2716 task " + line++ + " crashed" : "#" + line++ + " t\t= 1");
                }
                list.flush();
                flushes++;
                List<String> expected = new ArrayList<>(list.whole());
                assertEquals(expected, List.copyOf(list.items()), "after flush " + flushes + " (" + line + " lines)");
                assertTrue(list.items().size() <= 200);
            }
            return null;
        }).get();
    }
}
