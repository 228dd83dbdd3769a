package dev.llgoframes.dap.scenario;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.ProgramBuilder;
import dev.llgoframes.dap.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Source steps built from anchors without DWARF: next over a call, step into one, step out again. */
class SteppingTest {
    @TempDir
    Path dir;

    @Test
    void nextStepInStepOutFollowTheAnchors() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, false, List.of());
        String src = p.source().getFileName().toString();
        int callAdd = p.lineOf("int x = go_add(2, 3);");
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, p.executable(), List.of("ok"), Map.of());
            c.ok("setBreakpoints", args("source", args("path", p.source().toString()), "breakpoints", List.of(args("line", callAdd))));
            c.ok("configurationDone", null);
            int tid = c.event("stopped").get("threadId").getAsInt();
            assertEquals(List.of("main.main " + src + ":" + callAdd), Scenario.describeStack(c, tid, 1));

            step(c, "next", tid);
            assertEquals(List.of("main.main " + src + ":" + p.lineOf("sink = x;")), Scenario.describeStack(c, tid, 1));
            step(c, "next", tid);
            assertEquals(List.of("main.main " + src + ":" + p.lineOf("go_viaGo(mode);")), Scenario.describeStack(c, tid, 1));

            step(c, "stepIn", tid);
            assertEquals(List.of("main.viaGo " + src + ":" + p.lineOf("go_callC(mode);"),
                    "main.main " + src + ":" + p.lineOf("go_viaGo(mode);")), Scenario.describeStack(c, tid, 2));

            // the return address is where the next statement's anchor sits: nothing was left of the call's line
            step(c, "stepOut", tid);
            assertEquals(List.of("main.main " + src + ":" + p.lineOf("printf(\"done %d\\n\", sink);")), Scenario.describeStack(c, tid, 1));
            // no anchor left in main.main: next runs to the caller's return address
            step(c, "next", tid);
            assertEquals(List.of("main"), Scenario.describeStack(c, tid, 1));

            c.ok("next", args("threadId", tid, "granularity", "instruction"));
            assertEquals("step", str(c.event("stopped"), "reason"));

            c.ok("continue", args("threadId", tid));
            assertEquals(3, c.event("exited").get("exitCode").getAsInt());
            c.ok("disconnect", args());
        }
    }

    private static void step(DapClient c, String command, int tid) throws Exception {
        c.ok(command, args("threadId", tid));
        JsonObject s = c.event("stopped");
        assertEquals("step", str(s, "reason"), command + " stops as a step");
    }
}
