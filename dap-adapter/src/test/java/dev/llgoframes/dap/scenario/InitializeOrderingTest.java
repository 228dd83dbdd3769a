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

/** lsp4j#229: the initialized event must never overtake the initialize response. */
class InitializeOrderingTest {
    @TempDir
    Path dir;

    @Test
    void initializedFollowsTheInitializeAndLaunchResponses() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, false, List.of());
        try (DapClient c = DapClient.start()) {
            JsonObject caps = Scenario.initialize(c);
            assertEquals(true, caps.get("supportsConfigurationDoneRequest").getAsBoolean());
            List<JsonObject> filters = DapClient.objects(caps.getAsJsonArray("exceptionBreakpointFilters"));
            assertEquals(List.of("fault", "panic", "unrecovered", "recovered"), filters.stream().map(f -> str(f, "filter")).toList());
            // labels and defaults as the debugger's users were promised: faults and unrecovered panics on
            assertEquals(List.of("Hardware faults (SIGSEGV, SIGBUS, SIGFPE)", "Every panic", "Unrecovered panics",
                    "Recovered panics and faults"), filters.stream().map(f -> str(f, "label")).toList());
            assertEquals(List.of(true, false, true, false), filters.stream().map(f -> f.get("default").getAsBoolean()).toList());

            c.ok("launch", Map.of("program", p.executable().toString(), "args", List.of("ok")));
            c.event("initialized");
            List<String> order = c.messages().stream()
                    .map(m -> str(m, "type") + ":" + (m.has("command") ? str(m, "command") : str(m, "event")))
                    .filter(s -> !s.startsWith("event:output") && !s.startsWith("event:process") && !s.startsWith("event:thread"))
                    .toList();
            assertEquals(List.of("response:initialize", "response:launch", "event:initialized"), order);

            // a request without its required source is an error response naming it, and the session goes on
            JsonObject noSource = c.request("setBreakpoints", Map.of("breakpoints", List.of(Map.of("line", 3))));
            assertFalse(noSource.get("success").getAsBoolean(), noSource.toString());
            assertEquals("setBreakpoints needs a source with a path", str(noSource, "message"), noSource.toString());

            c.ok("configurationDone", null);
            JsonObject exited = c.event("exited");
            assertEquals(3, exited.get("exitCode").getAsInt());
            c.event("terminated");
            assertTrue(c.programOutput().contains("hello from ok\ndone 16\n"), c.programOutput());
            c.ok("disconnect", args());
            assertTrue(c.waitForExit(java.time.Duration.ofSeconds(10)), "adapter exits after disconnect");
        }
    }
}
