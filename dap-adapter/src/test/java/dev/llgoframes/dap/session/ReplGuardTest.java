package dev.llgoframes.dap.session;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplGuardTest {
    private final ReplGuard guard = new ReplGuard(false);

    @Test
    void refusesCommandsThatReachTheHost() {
        for (String s : List.of("shell ls", "!ls", "| ls", "pipe p 1 | wc", "python print(1)", "py print(1)", "pi",
                "python-interactive", "guile (display 1)", "source /tmp/x.gdb", "with print pretty -- shell ls",
                "thread apply all shell ls", "frame apply all pipe x | y", "eval \"shell %s\", \"ls\"", "alias x = shell",
                "define hook-stop", "set logging file /tmp/x", "she ls", "pyth print(1)", "compile code 1", "dump memory /tmp/x 0 1")) {
            assertTrue(guard.check(s).isPresent(), s);
        }
    }

    @Test
    void letsDebuggerCommandsAndExpressionsThrough() {
        for (String s : List.of("p $rip", "print sink", "info registers rip", "x/4xg $sp", "bt", "info frame", "$pc", "set var sink = 1",
                "info sharedlibrary", "disassemble $pc,+8", "ptype int")) {
            assertFalse(guard.check(s).isPresent(), s);
        }
        assertFalse(new ReplGuard(true).check("shell ls").isPresent(), "allowUnsafeCommands lifts the guard");
    }
}
