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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A program that is gone as soon as configurationDone lets it run: its exit code, terminated, no error. */
class ImmediateExitTest {
    @TempDir
    static Path dir;
    static ProgramBuilder.Program program;

    @BeforeAll
    static void build() throws Exception {
        program = ProgramBuilder.build("fault.c.in", dir, false, List.of());
    }

    @Test
    void exitDuringConfigurationDoneReportsTheCodeAndTerminates() throws Exception {
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, program.executable(), List.of("quick"), Map.of());
            long pid = c.event("process").get("systemProcessId").getAsLong();
            List<Long> known = new ArrayList<>(List.of(c.adapter().pid(), pid, ProcessTable.gdbOf(c.adapter()).orElseThrow().pid()));
            c.ok("configurationDone", null);

            assertEquals(5, c.event("exited").get("exitCode").getAsInt());
            c.event("terminated");
            c.ok("threads", null);
            c.ok("disconnect", args());
            assertTrue(c.waitForExit(Duration.ofSeconds(20)));
            for (JsonObject m : c.messages()) {
                if ("response".equals(str(m, "type"))) {
                    assertTrue(m.get("success").getAsBoolean(), "no request failed: " + m);
                }
                if ("output".equals(str(m, "event"))) {
                    assertTrue(!"important".equals(str(m.getAsJsonObject("body"), "category")), "no error shown: " + m);
                }
            }
            assertEquals(1, c.messages().stream().filter(m -> "terminated".equals(str(m, "event"))).count());
            assertEquals(List.of(), ProcessTable.awaitNoLeftovers(known, program.executable(), Duration.ofSeconds(10)));
        }
    }
}
