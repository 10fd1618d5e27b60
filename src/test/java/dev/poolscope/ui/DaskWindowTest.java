package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static dev.poolscope.ui.WindowDriver.pick;
import static dev.poolscope.ui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.dask.DaskService;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunInfo;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.ui.timeline.TimelineModel;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Python tab's engine selector: Run on Dask puts the scenario's tasks on a local cluster, a lane per worker. */
class DaskWindowTest extends WindowTest {
    @Test
    void runOnDaskShowsALanePerWorkerWithItsAddressAndPid(FxRobot robot) throws Exception {
        String noDask = DaskService.unavailable(null);
        Assumptions.assumeTrue(noDask == null, noDask);
        pick(robot, "#lessonPicker", "doubling");
        waitFor(() -> "doubling".equals(window.config().name()));
        robot.clickOn("Python");
        robot.clickOn("#engineDask");
        robot.clickOn("#runButton");
        driver.watchUntilFinished();
        assertEquals(RunInfo.DASK, fx(() -> driver.handle().info().engine()));
        TimelineModel live = driver.live();
        assertEquals(4, (int) fx(live::laneCount), "doubling's pool of 4: four Dask workers");
        Set<Long> pids = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            int index = i;
            TimelineModel.Lane lane = fx(() -> live.lane(index));
            assertEquals(Lane.Kind.WORKER, lane.what().kind());
            assertTrue(lane.what().name().startsWith("tcp://127.0.0.1:"), lane.what().name());
            assertTrue(driver.handle().pids().contains(lane.pid()), "the lane's PID is a Dask worker's");
            pids.add(lane.pid());
        }
        assertEquals(4, pids.size());
        for (int t = 0; t < 5; t++) {
            int task = t;
            assertEquals(TaskStatus.OK, fx(() -> live.status(task)));
            assertEquals(String.valueOf(2 * (t + 1)), fx(() -> live.resultOrError(task)));
        }
    }
}
