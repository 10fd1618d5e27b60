package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The report keeps every script's letters and drops only what can take a terminal over or reorder a line. */
class TerminalTextTest {
    @Test
    void lettersOfEveryScriptStayControlsAndBidiOverridesGo() {
        assertEquals("prög ram ✓ مرحبا.py", TerminalText.safe("prög ram ✓ مرحبا.py", 80));
        assertEquals("ünï 日本 😀", TerminalText.safe("ünï 日本 😀", 80));
        assertEquals("?[31mred?", TerminalText.safe("\u001b[31mred\u0007", 80));
        assertEquals("a?b?c?d", TerminalText.safe("a\u202eb\u2066c\u200fd", 80));
        assertEquals("x y", TerminalText.safe("x\ty", 80));
        assertEquals("abcd...", TerminalText.safe("abcdefghij", 7));
    }
}
