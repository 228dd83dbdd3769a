package dev.llgoframes.dap.scenario;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.ProcessTable;
import dev.llgoframes.dap.testing.ProgramBuilder;
import dev.llgoframes.dap.testing.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session ends cleanly whoever dies first — gdb, the debuggee or the client — and leaves
 * no process behind (checked in the process table).
 */
class LifecycleTest {
    @TempDir
    static Path dir;
    static ProgramBuilder.Program program;

    @BeforeAll
    static void build() throws Exception {
        program = ProgramBuilder.build("fault.c.in", dir, false, List.of());
    }

    /** Starts the looping program and waits until it prints; returns the debuggee's pid. */
    private static long runLoop(DapClient c) throws Exception {
        Scenario.launch(c, program.executable(), List.of("loop"), Map.of());
        long pid = c.messages().stream().filter(m -> "process".equals(str(m, "event"))).findFirst()
                .map(m -> m.getAsJsonObject("body").get("systemProcessId").getAsLong()).orElseThrow();
        c.ok("configurationDone", null);
        c.event("output", b -> "stdout".equals(str(b, "category")) && str(b, "output").contains("tick"), DapClient.TIMEOUT);
        return pid;
    }

    private static List<ProcessHandle> family(DapClient c) {
        List<ProcessHandle> all = new ArrayList<>(ProcessTable.descendants(c.adapter()));
        all.add(c.adapter());
        return all;
    }

    @Test
    void gdbKilledMidSessionTerminatesWithAMessageAndNoOrphans() throws Exception {
        try (DapClient c = DapClient.start()) {
            long debuggee = runLoop(c);
            List<ProcessHandle> before = family(c);
            ProcessHandle gdb = ProcessTable.gdbOf(c.adapter()).orElseThrow();
            gdb.destroyForcibly();

            JsonObject msg = c.event("output", b -> "important".equals(str(b, "category")), DapClient.TIMEOUT);
            assertTrue(str(msg, "output").startsWith("gdb exited unexpectedly (killed by signal 9)"), str(msg, "output"));
            c.event("terminated");
            assertEquals(List.of(), ProcessTable.awaitGone(ProcessHandle.of(debuggee).stream().toList(), Duration.ofSeconds(10)),
                    "the debuggee gdb launched is killed, not orphaned");

            c.ok("disconnect", args());
            assertTrue(c.waitForExit(Duration.ofSeconds(10)));
            assertEquals(List.of(), ProcessTable.awaitGone(before, Duration.ofSeconds(10)));
            assertEquals(List.of(), ProcessTable.running(program.executable()));
        }
    }

    @Test
    void debuggeeKilledEndsTheSessionWithItsSignal() throws Exception {
        try (DapClient c = DapClient.start()) {
            long debuggee = runLoop(c);
            List<ProcessHandle> before = family(c);
            ProcessHandle.of(debuggee).orElseThrow().destroyForcibly();

            assertEquals(128 + 9, c.event("exited").get("exitCode").getAsInt());
            c.event("terminated");
            assertTrue(c.messages().stream().anyMatch(m -> "output".equals(str(m, "event"))
                    && str(m.getAsJsonObject("body"), "output").contains("program terminated by SIGKILL")));
            c.ok("disconnect", args());
            assertTrue(c.waitForExit(Duration.ofSeconds(10)));
            assertEquals(List.of(), ProcessTable.awaitGone(before, Duration.ofSeconds(10)));
        }
    }

    @Test
    void clientVanishingWithoutDisconnectEndsEverything() throws Exception {
        try (DapClient c = DapClient.start()) {
            runLoop(c);
            List<ProcessHandle> before = family(c);
            assertTrue(before.size() >= 3, "adapter, gdb and the debuggee: " + before);
            c.closeInput();
            assertTrue(c.waitForExit(Duration.ofSeconds(15)), "the adapter exits on EOF");
            assertEquals(List.of(), ProcessTable.awaitGone(before, Duration.ofSeconds(10)));
            assertEquals(List.of(), ProcessTable.running(program.executable()));
        }
    }

    @Test
    void pauseAndTerminateARunningProgram() throws Exception {
        try (DapClient c = DapClient.start()) {
            runLoop(c);
            List<ProcessHandle> before = family(c);
            c.ok("pause", args("threadId", 1));
            JsonObject s = c.event("stopped");
            assertEquals("pause", str(s, "reason"));
            c.ok("terminate", args());
            c.event("exited");
            c.event("terminated");
            c.ok("disconnect", args());
            assertTrue(c.waitForExit(Duration.ofSeconds(10)));
            assertEquals(List.of(), ProcessTable.awaitGone(before, Duration.ofSeconds(10)));
        }
    }
}
