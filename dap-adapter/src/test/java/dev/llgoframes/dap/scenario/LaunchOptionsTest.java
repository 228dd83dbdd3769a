package dev.llgoframes.dap.scenario;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.ProgramBuilder;
import dev.llgoframes.dap.testing.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launch attributes that shape the program's start: env (set and remove) and stopOnEntry. */
class LaunchOptionsTest {
    @TempDir
    static Path dir;
    static ProgramBuilder.Program program;

    @BeforeAll
    static void build() throws Exception {
        program = ProgramBuilder.build("fault.c.in", dir, false, List.of());
    }

    @Test
    void envAddsAndRemovesVariablesOfTheInheritedEnvironment() throws Exception {
        try (DapClient c = DapClient.start(Map.of("LLGO_FRAMES_GONE", "inherited"), dir)) {
            Map<String, Object> env = new HashMap<>();
            env.put("LLGO_FRAMES_SET", "hello world");
            env.put("LLGO_FRAMES_GONE", null); // null removes, as launch.json documents
            Scenario.launch(c, program.executable(), List.of("env"), Map.of("env", env));
            c.ok("configurationDone", null);
            assertEquals(4, c.event("exited").get("exitCode").getAsInt());
            assertTrue(c.programOutput().contains("set=hello world gone=(unset)\n"), c.programOutput());
            c.ok("disconnect", args());
        }
    }

    @Test
    void stopOnEntryStopsBeforeTheProgramRunsAnyOfItsCode() throws Exception {
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, program.executable(), List.of("ok"), Map.of("stopOnEntry", true));
            c.ok("configurationDone", null);
            JsonObject stopped = c.event("stopped");
            assertEquals("entry", str(stopped, "reason"));
            assertFalse(c.programOutput().contains("hello from ok"), c.programOutput());
            c.ok("continue", args("threadId", stopped.get("threadId").getAsInt()));
            assertEquals(3, c.event("exited").get("exitCode").getAsInt());
            assertTrue(c.programOutput().contains("hello from ok\n"), c.programOutput());
            c.ok("disconnect", args());
        }
    }
}
