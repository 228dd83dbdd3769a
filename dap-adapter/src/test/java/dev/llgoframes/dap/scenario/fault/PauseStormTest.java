package dev.llgoframes.dap.scenario.fault;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 pause/continue requests sent without waiting: each is answered, the session ends in a
 * state it can describe (a stack trace works, the program still runs and pauses), no deadlock.
 */
class PauseStormTest {
    private static final int STORM = 200;

    @TempDir
    static Path dir;
    static ProgramBuilder.Program program;

    @BeforeAll
    static void build() throws Exception {
        program = ProgramBuilder.build("fault.c.in", dir, false, List.of());
    }

    @Test
    void everyRequestIsAnsweredAndTheSessionStaysConsistent() throws Exception {
        // FINE: the adapter logs each MI command it sends, so the interrupts can be counted
        try (DapClient c = DapClient.start(Map.of("LLGO_DAP_LOG", "FINE"), null)) {
            Scenario.launch(c, program.executable(), List.of("loop"), Map.of());
            long debuggee = c.event("process").get("systemProcessId").getAsLong();
            c.ok("configurationDone", null);
            c.event("output", b -> "stdout".equals(str(b, "category")) && str(b, "output").contains("tick"), DapClient.TIMEOUT);
            List<Long> known = new ArrayList<>(List.of(c.adapter().pid(), debuggee,
                    ProcessTable.gdbOf(c.adapter()).orElseThrow().pid()));

            List<Integer> seqs = new ArrayList<>();
            for (int k = 0; k < STORM; k++) {
                seqs.add(c.send(k % 2 == 0 ? "pause" : "continue", args("threadId", 1)));
            }
            int failed = 0;
            for (int s : seqs) {
                JsonObject r = c.awaitResponse(s);
                if (!r.get("success").getAsBoolean()) {
                    failed++;
                    // the only acceptable refusal: continuing what already runs
                    assertEquals("the program is running", str(r, "message"), r.toString());
                }
            }
            assertFalse(c.messages().stream().anyMatch(m -> "output".equals(str(m, "event"))
                    && "important".equals(str(m.getAsJsonObject("body"), "category"))), "no internal error reported");

            // the adapter answers in the order it acts, so the stream says whether the program runs now
            List<JsonObject> log = c.messages();
            int lastStop = -1;
            int lastRun = -1;
            for (int i = 0; i < log.size(); i++) {
                JsonObject m = log.get(i);
                if ("stopped".equals(str(m, "event"))) {
                    lastStop = i;
                } else if ("response".equals(str(m, "type")) && "continue".equals(str(m, "command"))
                        && m.get("success").getAsBoolean()) {
                    lastRun = i;
                }
            }
            if (lastRun >= lastStop) {
                // running since the storm began or since its last continue, or a stop still on its way
                c.request("pause", args("threadId", 1));
                c.eventAfter(Math.max(lastRun, 0), "stopped", DapClient.TIMEOUT);
            }
            long stops = c.messages().stream().filter(m -> "stopped".equals(str(m, "event"))).count();
            long resumed = c.messages().stream().filter(m -> "response".equals(str(m, "type"))
                    && "continue".equals(str(m, "command")) && m.get("success").getAsBoolean()).count();
            int interrupts = c.stderr().split("-exec-interrupt", -1).length - 1;
            System.out.println("pause storm: " + STORM + " requests answered, " + failed + " refused as running, "
                    + stops + " stops, " + resumed + " resumes, " + interrupts + " interrupts sent to gdb");
            // a pause while one is pending sends nothing: one interrupt per stop at most
            assertTrue(interrupts <= stops, interrupts + " interrupts for " + stops + " stops");
            assertFalse(Scenario.stack(c, 1).isEmpty(), "a stack trace after the storm");
            int running = c.mark();
            c.ok("continue", args("threadId", 1));
            c.eventAfter(running, "output", DapClient.TIMEOUT);
            int paused = c.mark();
            c.ok("pause", args("threadId", 1));
            assertEquals("pause", str(c.eventAfter(paused, "stopped", DapClient.TIMEOUT), "reason"), "it runs and pauses again");
            assertFalse(Scenario.stack(c, 1).isEmpty());

            c.ok("disconnect", args());
            assertTrue(c.waitForExit(Duration.ofSeconds(20)));
            assertEquals(List.of(), ProcessTable.awaitNoLeftovers(known, program.executable(), Duration.ofSeconds(10)));
        }
    }
}
