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

    // ---- faults while stopped or mid-request (the tests above cover a running program)

    /** The pids a session knows about: the adapter, its gdb and the debuggee. */
    private static List<Long> known(DapClient c, long debuggee) {
        List<Long> pids = new ArrayList<>(List.of(c.adapter().pid(), debuggee));
        ProcessTable.gdbOf(c.adapter()).ifPresent(g -> pids.add(g.pid()));
        return pids;
    }

    /** (b) and (c): the adapter exits after a disconnect and nothing it started is left. */
    private static void disconnectAndAssertNothingLeft(DapClient c, List<Long> known) throws Exception {
        JsonObject r = c.request("disconnect", args());
        assertTrue(r.get("success").getAsBoolean(), "disconnect after the fault: " + r);
        assertTrue(c.waitForExit(Duration.ofSeconds(20)), "the adapter exits after disconnect");
        assertEquals(List.of(), ProcessTable.awaitNoLeftovers(known, program.executable(), Duration.ofSeconds(10)));
    }

    private static void pauseAndWait(DapClient c) throws Exception {
        c.ok("pause", args("threadId", 1));
        assertEquals("pause", str(c.event("stopped"), "reason"));
    }

    private static void signal(String sig, long pid) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start();
        assertEquals(0, p.waitFor(), "kill -" + sig + " " + pid);
    }

    @Test
    void gdbKilledWhileAStackTraceIsInFlightFailsTheRequestAndEndsTheSession() throws Exception {
        try (DapClient c = DapClient.start(Map.of("LLGO_DAP_LOG", "FINE"), null)) {
            long debuggee = runLoop(c);
            pauseAndWait(c);
            List<Long> known = known(c, debuggee);
            ProcessHandle gdb = ProcessTable.gdbOf(c.adapter()).orElseThrow();
            // gdb frozen: the request reaches it and cannot be answered before it dies
            signal("STOP", gdb.pid());
            int mark = c.stderr().length();
            int seq = c.send("stackTrace", args("threadId", 1));
            c.awaitStderr("-stack-", mark, DapClient.TIMEOUT);
            signal("KILL", gdb.pid());

            JsonObject r = c.awaitResponse(seq);
            assertEquals(false, r.get("success").getAsBoolean(), r.toString());
            assertTrue(str(r, "message").contains("gdb"), "the error names gdb: " + r);
            JsonObject msg = c.event("output", b -> "important".equals(str(b, "category")), DapClient.TIMEOUT);
            assertTrue(str(msg, "output").startsWith("gdb exited unexpectedly (killed by signal 9)"), str(msg, "output"));
            c.event("terminated");
            JsonObject after = c.request("stackTrace", args("threadId", 1));
            assertEquals(false, after.get("success").getAsBoolean(), "no stack once gdb is gone: " + after);
            disconnectAndAssertNothingLeft(c, known);
        }
    }

    @Test
    void gdbKilledWhileStoppedTerminatesWithAMessage() throws Exception {
        try (DapClient c = DapClient.start()) {
            long debuggee = runLoop(c);
            pauseAndWait(c);
            List<Long> known = known(c, debuggee);
            ProcessTable.gdbOf(c.adapter()).orElseThrow().destroyForcibly();

            JsonObject msg = c.event("output", b -> "important".equals(str(b, "category")), DapClient.TIMEOUT);
            assertTrue(str(msg, "output").startsWith("gdb exited unexpectedly (killed by signal 9)"), str(msg, "output"));
            c.event("terminated");
            JsonObject cont = c.request("continue", args("threadId", 1));
            assertEquals(false, cont.get("success").getAsBoolean(), "continue after gdb died: " + cont);
            disconnectAndAssertNothingLeft(c, known);
        }
    }

    /** Stops at the loop's main.add breakpoint; returns the debuggee's pid. */
    private static long stopInLoop(DapClient c) throws Exception {
        Scenario.launch(c, program.executable(), List.of("loop"), Map.of());
        long pid = c.event("process").get("systemProcessId").getAsLong();
        c.ok("setFunctionBreakpoints", args("breakpoints", List.of(Map.of("name", "main.add"))));
        c.ok("configurationDone", null);
        assertEquals("function breakpoint", str(c.event("stopped"), "reason"));
        return pid;
    }

    @Test
    void debuggeeKilledWhileStoppedAtABreakpointIsNoticedWithoutARequest() throws Exception {
        try (DapClient c = DapClient.start()) {
            long debuggee = stopInLoop(c);
            List<Long> known = known(c, debuggee);
            signal("KILL", debuggee);

            assertEquals(128 + 9, c.event("exited").get("exitCode").getAsInt());
            c.event("terminated");
            assertTrue(c.messages().stream().anyMatch(m -> "output".equals(str(m, "event"))
                    && str(m.getAsJsonObject("body"), "output").contains("program terminated by SIGKILL")));
            disconnectAndAssertNothingLeft(c, known);
        }
    }

    @Test
    void debuggeeKilledWhileStoppedThenContinuedEndsTheSession() throws Exception {
        try (DapClient c = DapClient.start()) {
            long debuggee = stopInLoop(c);
            List<Long> known = known(c, debuggee);
            signal("KILL", debuggee);
            // the continue races the adapter's own discovery: either answer is fine, a hang is not
            c.request("continue", args("threadId", 1));

            assertEquals(128 + 9, c.event("exited").get("exitCode").getAsInt());
            c.event("terminated");
            disconnectAndAssertNothingLeft(c, known);
        }
    }

    @Test
    void terminateWhileStoppedAtABreakpointEndsTheProgram() throws Exception {
        try (DapClient c = DapClient.start()) {
            long debuggee = stopInLoop(c);
            List<Long> known = known(c, debuggee);
            c.ok("terminate", args());
            c.event("exited");
            c.event("terminated");
            disconnectAndAssertNothingLeft(c, known);
        }
    }

    @Test
    void clientVanishingWhileStoppedEndsEverything() throws Exception {
        try (DapClient c = DapClient.start()) {
            long debuggee = stopInLoop(c);
            List<Long> known = known(c, debuggee);
            assertEquals(3, known.size(), "adapter, gdb and the debuggee: " + known);
            c.closeInput();
            assertTrue(c.waitForExit(Duration.ofSeconds(20)), "the adapter exits on EOF");
            assertEquals(List.of(), ProcessTable.awaitNoLeftovers(known, program.executable(), Duration.ofSeconds(10)));
        }
    }

    @Test
    void clientVanishingMidRequestEndsEverything() throws Exception {
        try (DapClient c = DapClient.start()) {
            long debuggee = stopInLoop(c);
            List<Long> known = known(c, debuggee);
            c.send("stackTrace", args("threadId", 1));
            c.send("continue", args("threadId", 1));
            c.closeInput();
            assertTrue(c.waitForExit(Duration.ofSeconds(20)), "the adapter exits on EOF");
            assertEquals(List.of(), ProcessTable.awaitNoLeftovers(known, program.executable(), Duration.ofSeconds(10)));
        }
    }
}
