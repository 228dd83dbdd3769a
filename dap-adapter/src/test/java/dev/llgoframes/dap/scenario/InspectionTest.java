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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Threads, registers, evaluate in the debug console, and the console's refusal of host commands. */
class InspectionTest {
    @TempDir
    Path dir;

    @Test
    void registersEvaluateAndGuardedConsole() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, false, List.of());
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, p.executable(), List.of("segv"), Map.of());
            c.ok("configurationDone", null);
            int tid = c.event("stopped").get("threadId").getAsInt();
            List<JsonObject> threads = objects(c.ok("threads", null).getAsJsonArray("threads"));
            assertEquals(tid, threads.get(0).get("id").getAsInt());

            JsonObject top = Scenario.stack(c, tid).get(0);
            int frameId = top.get("id").getAsInt();
            List<JsonObject> scopes = objects(c.ok("scopes", args("frameId", frameId)).getAsJsonArray("scopes"));
            assertEquals(List.of("Registers", "Exception"), scopes.stream().map(s -> str(s, "name")).toList());
            List<JsonObject> regs = objects(c.ok("variables", args("variablesReference",
                    scopes.get(0).get("variablesReference").getAsInt())).getAsJsonArray("variables"));
            assertEquals("rip", str(regs.get(0), "name"));
            assertTrue(str(regs.get(0), "value").startsWith(str(top, "instructionPointerReference")), regs.get(0).toString());

            JsonObject pc = c.ok("evaluate", args("expression", "(unsigned long)$pc", "frameId", frameId, "context", "watch"));
            assertEquals(Long.decode(str(top, "instructionPointerReference")).longValue(), Long.parseLong(str(pc, "result")));
            JsonObject info = c.ok("evaluate", args("expression", "info registers rip", "frameId", frameId, "context", "repl"));
            assertTrue(str(info, "result").startsWith("rip"), str(info, "result"));

            for (String bad : List.of("shell touch " + dir.resolve("pwned"), "python print(1)", "pipe p 1 | cat")) {
                JsonObject r = c.request("evaluate", args("expression", bad, "frameId", frameId, "context", "repl"));
                assertFalse(r.get("success").getAsBoolean(), bad);
                assertTrue(str(r, "message").contains("is disabled in the debug console"), str(r, "message"));
            }
            assertFalse(dir.resolve("pwned").toFile().exists());
            c.ok("disconnect", args());
        }
    }
}
