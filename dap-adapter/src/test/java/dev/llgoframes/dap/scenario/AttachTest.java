package dev.llgoframes.dap.scenario;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.ProcessTable;
import dev.llgoframes.dap.testing.ProgramBuilder;
import dev.llgoframes.dap.testing.Scenario;
import dev.llgoframes.dap.testing.WaitingProgram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.objects;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attach to a process the test started: threads, a breakpoint in Go code hit with a symbolized
 * stack, and on disconnect either a detach (the program runs on, untraced) or, with
 * terminateDebuggee, its end; gdb never outlives the adapter.
 */
class AttachTest {
    @TempDir
    static Path dir;
    static ProgramBuilder.Program program;

    @BeforeAll
    static void build() throws Exception {
        program = ProgramBuilder.build("fault.c.in", dir, false, List.of());
    }

    /** Attaches (program given, or found through /proc), breaks in main.tick and checks the stop; returns the thread. */
    private static int attachAndBreak(DapClient c, WaitingProgram w, boolean giveProgram) throws Exception {
        Scenario.initialize(c);
        c.ok("attach", giveProgram ? args("processId", w.pid(), "program", program.executable().toString())
                : args("processId", String.valueOf(w.pid())));
        c.event("initialized");
        JsonObject process = c.event("process");
        assertEquals(w.pid(), process.get("systemProcessId").getAsLong());
        assertEquals("attach", str(process, "startMethod"));
        assertTrue(w.tracerPid() != 0, "gdb traces the program");

        int line = program.lineOf("sink = go_add(n, 2);");
        JsonObject bps = c.ok("setBreakpoints", args("source", args("path", program.source().toString()),
                "breakpoints", List.of(args("line", line))));
        JsonObject bp = bps.getAsJsonArray("breakpoints").get(0).getAsJsonObject();
        assertTrue(bp.get("verified").getAsBoolean(), bp.toString());
        c.ok("configurationDone", null);

        JsonObject stopped = c.event("stopped");
        assertEquals("breakpoint", str(stopped, "reason"));
        int tid = stopped.get("threadId").getAsInt();
        List<JsonObject> threads = objects(c.ok("threads", null).getAsJsonArray("threads"));
        assertEquals(List.of(tid), threads.stream().map(t -> t.get("id").getAsInt()).toList());
        String src = program.source().getFileName().toString();
        assertEquals(List.of("main.tick " + src + ":" + line, "main"), Scenario.describeStack(c, tid, 2));

        // a second hit proves the breakpoint stays and the program really runs between stops
        c.ok("continue", args("threadId", tid));
        assertEquals("breakpoint", str(c.event("stopped"), "reason"));
        return tid;
    }

    @Test
    void disconnectWhileRunningDetachesAndTheProgramRunsOn() throws Exception {
        try (WaitingProgram w = WaitingProgram.start(program.executable()); DapClient c = DapClient.start()) {
            int tid = attachAndBreak(c, w, true);
            // no breakpoint left, running: the disconnect must interrupt before it can detach
            c.ok("setBreakpoints", args("source", args("path", program.source().toString()), "breakpoints", List.of()));
            c.ok("continue", args("threadId", tid));
            List<ProcessHandle> adapterFamily = new ArrayList<>(ProcessTable.descendants(c.adapter()));
            c.ok("disconnect", args());
            assertTrue(c.waitForExit(Duration.ofSeconds(10)));
            assertEquals(List.of(), ProcessTable.awaitGone(adapterFamily, Duration.ofSeconds(10)), "gdb is gone");

            assertTrue(w.process().isAlive(), "detached, not killed");
            assertEquals(0, w.tracerPid(), "no debugger left attached");
            // it still runs: not left in a ptrace or signal stop
            String state = java.nio.file.Files.readString(Path.of("/proc/" + w.pid() + "/stat"));
            assertFalse(state.substring(state.lastIndexOf(')') + 2).startsWith("T"), state);
            w.close();
            assertTrue(w.process().waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void disconnectWithTerminateDebuggeeEndsTheProgram() throws Exception {
        try (WaitingProgram w = WaitingProgram.start(program.executable()); DapClient c = DapClient.start()) {
            attachAndBreak(c, w, false);
            List<ProcessHandle> adapterFamily = new ArrayList<>(ProcessTable.descendants(c.adapter()));
            c.ok("disconnect", args("terminateDebuggee", true));
            assertTrue(w.process().waitFor(10, TimeUnit.SECONDS), "the attached program was ended");
            assertTrue(c.waitForExit(Duration.ofSeconds(10)));
            assertEquals(List.of(), ProcessTable.awaitGone(adapterFamily, Duration.ofSeconds(10)), "gdb is gone");
        }
    }

    @Test
    void unknownPidIsAClearError() throws Exception {
        try (DapClient c = DapClient.start()) {
            Scenario.initialize(c);
            JsonObject r = c.request("attach", args("processId", Integer.MAX_VALUE));
            assertFalse(r.get("success").getAsBoolean());
            assertTrue(str(r, "message").contains(String.valueOf(Integer.MAX_VALUE)), str(r, "message"));
            c.ok("disconnect", args());
        }
    }
}
