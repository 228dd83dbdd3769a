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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIGFPE in a PIE build: gc's divide text, and pcs symbolized after removing the load slide. */
class DivFaultPieTest {
    @TempDir
    Path dir;

    @Test
    void divideByZeroInPieIsSymbolizedThroughTheSlide() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, true, List.of());
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, p.executable(), List.of("div"), Map.of());
            c.ok("configurationDone", null); // "fault" is on by default

            JsonObject stopped = c.event("stopped");
            assertEquals("exception", str(stopped, "reason"));
            int tid = stopped.get("threadId").getAsInt();
            JsonObject info = c.ok("exceptionInfo", args("threadId", tid));
            assertEquals("SIGFPE", str(info, "exceptionId"));
            assertEquals("runtime error: integer divide by zero", str(info, "description"));
            assertTrue(str(info.getAsJsonObject("details"), "message")
                    .startsWith("panic: runtime error: integer divide by zero\n[signal SIGFPE: floating-point exception code=0x1 "));

            String src = p.source().getFileName().toString();
            List<JsonObject> frames = Scenario.stack(c, tid);
            assertTrue(Long.decode(str(frames.get(0), "instructionPointerReference")) > 0x500000000000L, "PIE pcs are slid");
            assertEquals(List.of(
                    "cexc_div",
                    "main.callC " + src + ":" + p.lineOf("sink = cexc_div(7);"),
                    "main.viaGo " + src + ":" + p.lineOf("go_callC(mode);"),
                    "main.main " + src + ":" + p.lineOf("go_viaGo(mode);"),
                    "main"), Scenario.describeStack(c, tid, 5));
            c.ok("disconnect", args("terminateDebuggee", true));
            assertTrue(c.waitForExit(java.time.Duration.ofSeconds(10)));
        }
    }
}
