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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gdb conditions, hit conditions (N, % N, == N with a condition) and logpoints on a line of
 * main.tick, which the "wait" mode runs once per round with the round number in {@code rounds}.
 * Each stop is checked by reading the round from the stopped program.
 */
class BreakpointConditionsTest {
    @TempDir
    Path dir;

    @Test
    void conditionsHitConditionsAndLogpoints() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, false, List.of());
        int line = p.lineOf("sink = go_add(n, 2);");
        try (DapClient c = DapClient.start()) {
            JsonObject caps = Scenario.initialize(c);
            for (String cap : List.of("supportsConditionalBreakpoints", "supportsHitConditionalBreakpoints", "supportsLogPoints")) {
                assertTrue(caps.get(cap).getAsBoolean(), cap);
            }
            c.ok("launch", args("program", p.executable().toString(), "args", List.of("wait")));
            c.event("initialized");

            set(c, p, line, args("condition", "(int)rounds == 5"));
            c.ok("configurationDone", null);
            int tid = stopAt(c, 5);

            // hit conditions count from when the breakpoint is set, after gdb's condition held
            set(c, p, line, args("hitCondition", "3"));
            tid = resumeAndStopAt(c, tid, 8);
            set(c, p, line, args("hitCondition", "% 4"));
            tid = resumeAndStopAt(c, tid, 12);
            tid = resumeAndStopAt(c, tid, 16);
            set(c, p, line, args("condition", "(int)rounds % 2 == 0", "hitCondition", "== 2"));
            tid = resumeAndStopAt(c, tid, 20);

            // a logpoint prints and never stops: the next stop is the plain breakpoint at round 30
            c.ok("setBreakpoints", args("source", args("path", p.source().toString()), "breakpoints", List.of(
                    args("line", line, "logMessage", "round {(int)rounds} {{ok}}", "condition", "(int)rounds < 30"),
                    args("line", p.lineOf("rounds = n;"), "condition", "(int)rounds == 30"))));
            c.ok("continue", args("threadId", tid));
            JsonObject stopped = c.event("stopped");
            assertEquals("breakpoint", str(stopped, "reason"));
            assertEquals("30", round(c, stopped.get("threadId").getAsInt()));
            for (int r = 21; r < 30; r++) {
                String want = "round " + r + " {ok}\n";
                assertTrue(c.messages().stream().anyMatch(m -> "output".equals(str(m, "event"))
                        && want.equals(str(m.getAsJsonObject("body"), "output"))), "logged " + want);
            }

            JsonObject bad = c.ok("setBreakpoints", args("source", args("path", p.source().toString()),
                    "breakpoints", List.of(args("line", line, "hitCondition", "every other"))));
            JsonObject b = bad.getAsJsonArray("breakpoints").get(0).getAsJsonObject();
            assertFalse(b.get("verified").getAsBoolean());
            assertTrue(str(b, "message").contains("hit condition 'every other'"), str(b, "message"));
            c.ok("disconnect", args());
        }
    }

    private static void set(DapClient c, ProgramBuilder.Program p, int line, Map<String, Object> options) throws Exception {
        Map<String, Object> bp = args("line", line);
        bp.putAll(options);
        JsonObject r = c.ok("setBreakpoints", args("source", args("path", p.source().toString()), "breakpoints", List.of(bp)));
        assertTrue(r.getAsJsonArray("breakpoints").get(0).getAsJsonObject().get("verified").getAsBoolean(), r.toString());
    }

    private static int resumeAndStopAt(DapClient c, int tid, int round) throws Exception {
        c.ok("continue", args("threadId", tid));
        return stopAt(c, round);
    }

    private static int stopAt(DapClient c, int round) throws Exception {
        JsonObject stopped = c.event("stopped");
        assertEquals("breakpoint", str(stopped, "reason"));
        int tid = stopped.get("threadId").getAsInt();
        assertEquals(String.valueOf(round), round(c, tid));
        return tid;
    }

    private static String round(DapClient c, int tid) throws Exception {
        int frame = Scenario.stack(c, tid).get(0).get("id").getAsInt();
        return str(c.ok("evaluate", args("expression", "(int)rounds", "frameId", frame, "context", "watch")), "result");
    }
}
