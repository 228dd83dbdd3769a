package dev.llgoframes.dap.scenario;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.ProcessTable;
import dev.llgoframes.dap.testing.ProgramBuilder;
import dev.llgoframes.dap.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * restart runs the program again with the same arguments under a new gdb: the old process and
 * gdb are gone, the client's breakpoints (same ids, same hit condition) still stop it, and no
 * terminated event tells the client the session ended.
 */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void restartRelaunchesWithTheSameArgumentsAndBreakpoints() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, false, List.of());
        String src = p.source().getFileName().toString();
        int line = p.lineOf("sink = go_add(n, 2);");
        try (DapClient c = DapClient.start()) {
            assertTrue(Scenario.initialize(c).get("supportsRestartRequest").getAsBoolean());
            c.ok("launch", args("program", p.executable().toString(), "args", List.of("wait")));
            c.event("initialized");
            long pid1 = c.event("process").get("systemProcessId").getAsLong();
            JsonObject set = c.ok("setBreakpoints", args("source", args("path", p.source().toString()),
                    "breakpoints", List.of(args("line", line, "hitCondition", "== 3"))));
            int id = set.getAsJsonArray("breakpoints").get(0).getAsJsonObject().get("id").getAsInt();
            c.ok("configurationDone", null);
            int tid = stoppedOnRound(c, id, 2);
            ProcessHandle gdb1 = ProcessTable.gdbOf(c.adapter()).orElseThrow();

            c.ok("restart", args());
            long pid2 = c.event("process").get("systemProcessId").getAsLong();
            assertNotEquals(pid1, pid2);
            assertEquals(List.of(), ProcessTable.awaitGone(ProcessHandle.of(pid1).stream().toList(), Duration.ofSeconds(10)),
                    "the first run is gone");
            assertEquals(List.of(), ProcessTable.awaitGone(List.of(gdb1), Duration.ofSeconds(10)), "the first gdb is gone");
            // the hit count starts again with the new run
            tid = stoppedOnRound(c, id, 2);
            assertEquals(List.of("main.tick " + src + ":" + line), Scenario.describeStack(c, tid, 1));
            assertFalse(c.messages().stream().anyMatch(m -> "terminated".equals(str(m, "event"))
                    || "exited".equals(str(m, "event"))), "a restart does not end the session");

            List<ProcessHandle> family = new ArrayList<>(ProcessTable.descendants(c.adapter()));
            c.ok("disconnect", args());
            assertTrue(c.waitForExit(Duration.ofSeconds(10)));
            assertEquals(List.of(), ProcessTable.awaitGone(family, Duration.ofSeconds(10)));
            assertEquals(List.of(), ProcessTable.running(p.executable()));
        }
    }

    private static int stoppedOnRound(DapClient c, int breakpointId, int round) throws Exception {
        JsonObject stopped = c.event("stopped");
        assertEquals("breakpoint", str(stopped, "reason"));
        assertEquals(breakpointId, stopped.getAsJsonArray("hitBreakpointIds").get(0).getAsInt());
        int tid = stopped.get("threadId").getAsInt();
        int frame = Scenario.stack(c, tid).get(0).get("id").getAsInt();
        assertEquals(String.valueOf(round),
                str(c.ok("evaluate", args("expression", "(int)rounds", "frameId", frame, "context", "watch")), "result"));
        return tid;
    }
}
