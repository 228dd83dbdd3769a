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
import static dev.llgoframes.dap.testing.DapClient.objects;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Breakpoints by Go file:line in a binary without DWARF: exact anchor lines verify, a line
 * without an anchor moves to the next anchored line, a line with none after it is unverified
 * with a reason; function breakpoints go to the function entry.
 */
class LineBreakpointTest {
    @TempDir
    Path dir;

    @Test
    void lineBreakpointsUseStatementAnchors() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, false, List.of());
        int assign = p.lineOf("sink = x;");
        int blank = assign - 1; // an empty line in main.main: no anchor
        int afterAll = p.lineOf("return 3;");
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, p.executable(), List.of("ok"), Map.of());
            JsonObject r = c.ok("setBreakpoints", args("source", args("path", p.source().toString()),
                    "breakpoints", List.of(args("line", assign), args("line", blank), args("line", afterAll))));
            List<JsonObject> bps = objects(r.getAsJsonArray("breakpoints"));
            assertTrue(bps.get(0).get("verified").getAsBoolean());
            assertEquals(assign, bps.get(0).get("line").getAsInt());
            assertNull(bps.get(0).get("message"));
            assertTrue(bps.get(1).get("verified").getAsBoolean());
            assertEquals(assign, bps.get(1).get("line").getAsInt(), "moved to the next anchored line");
            assertTrue(str(bps.get(1), "message").contains("moved from line " + blank));
            assertFalse(bps.get(2).get("verified").getAsBoolean());
            assertTrue(str(bps.get(2), "message").startsWith("no statement anchor at or after line " + afterAll), str(bps.get(2), "message"));

            JsonObject fr = c.ok("setFunctionBreakpoints", args("breakpoints", List.of(args("name", "main.callC"), args("name", "nosuch.fn"))));
            List<JsonObject> fbs = objects(fr.getAsJsonArray("breakpoints"));
            assertTrue(fbs.get(0).get("verified").getAsBoolean());
            assertEquals("no function named nosuch.fn in this program", str(fbs.get(1), "message"));

            c.ok("configurationDone", null);
            JsonObject stopped = c.event("stopped");
            assertEquals("breakpoint", str(stopped, "reason"));
            int tid = stopped.get("threadId").getAsInt();
            int hit = stopped.getAsJsonArray("hitBreakpointIds").get(0).getAsInt();
            assertTrue(hit == bps.get(0).get("id").getAsInt() || hit == bps.get(1).get("id").getAsInt());
            String src = p.source().getFileName().toString();
            assertEquals(List.of("main.main " + src + ":" + assign, "main"), Scenario.describeStack(c, tid, 2));

            c.ok("continue", args("threadId", tid));
            JsonObject fn = c.event("stopped");
            assertEquals("function breakpoint", str(fn, "reason"));
            assertEquals(List.of("main.callC " + src + ":" + p.lineOf("if (strcmp(mode, \"segv\")"),
                    "main.viaGo " + src + ":" + p.lineOf("go_callC(mode);")), Scenario.describeStack(c, tid, 2));

            c.ok("continue", args("threadId", tid));
            assertEquals(3, c.event("exited").get("exitCode").getAsInt());
            c.ok("disconnect", args());
        }
    }
}
