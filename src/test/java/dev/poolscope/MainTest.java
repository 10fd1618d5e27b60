package dev.poolscope;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void windowOptionsOpenTheWindowAndCommandsRunHeadless() {
        assertTrue(Main.opensWindow(new String[0]));
        assertTrue(Main.opensWindow(new String[] {"--lesson", "sleepy", "--run"}));
        assertFalse(Main.opensWindow(new String[] {"--help"}));
        assertFalse(Main.opensWindow(new String[] {"--version"}));
        assertFalse(Main.opensWindow(new String[] {"run", "--lesson", "sleepy"}));
        assertFalse(Main.opensWindow(new String[] {"lessons"}));
    }
}
