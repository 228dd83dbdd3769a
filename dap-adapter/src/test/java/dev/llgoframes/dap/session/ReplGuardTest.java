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
                "define hook-stop", "set logging file /tmp/x", "she ls", "pyth print(1)", "compile code 1", "dump memory /tmp/x 0 1",
                // quoting and escapes vanish in gdb's argument splitting
                "s\\hell ls", "sh\"ell\" ls", "interpreter-exec console \"s\\hell ls\"", "interpreter-exec mi \"-gdb-exit\"",
                "target remote | ls", "tar extended-remote |ls", "jit-reader-load /tmp/x.so", "new-ui console /dev/pts/1",
                "add-auto-load-safe-path /", "set auto-load safe-path /", "set  startup-with-shell on", "set exec-wrapper env",
                "set history save on", "set python print-stack full", "if 1", "while 1", "commands 1",
                // an editor through a shell, a newer gdb's shell function, process starters called in the debuggee
                "edit main.go:3", "p $_shell(\"ls\")", "call system(\"ls\")", "print (int) system(\"ls\")",
                "call popen(\"ls\", \"r\")", "call execve(\"/bin/sh\", 0, 0)", "call (void*) dlopen(\"/tmp/x.so\", 2)")) {
            assertTrue(guard.check(s).isPresent(), s);
        }
    }

    @Test
    void letsDebuggerCommandsAndExpressionsThrough() {
        for (String s : List.of("p $rip", "print sink", "info registers rip", "x/4xg $sp", "bt", "info frame", "$pc", "set var sink = 1",
                "info sharedlibrary", "disassemble $pc,+8", "ptype int", "info target", "print a | b", "set var sink = 'a'",
                "info inferiors", "set print pretty on", "call fixture_sink_set(1)", "print sizeof(long)")) {
            assertFalse(guard.check(s).isPresent(), s);
        }
        assertFalse(new ReplGuard(true).check("shell ls").isPresent(), "allowUnsafeCommands lifts the guard");
    }
}
