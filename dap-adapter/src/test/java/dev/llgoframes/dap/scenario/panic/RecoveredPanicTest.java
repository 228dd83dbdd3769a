package dev.llgoframes.dap.scenario.panic;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.PanicScenario;
import dev.llgoframes.dap.testing.Scenario;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureTruth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Filter {@code recovered}: the stop is in the deferred closure after recover() returned the value. The panicking
 * frames are gone from the real stack (LLGo longjmps into the defer frame); the adapter splices the snapshot in at
 * safeCall, so the user sees gc's stack: closure, one panic frame, the panic statement, its callers.
 */
class RecoveredPanicTest {

    @ParameterizedTest
    @ValueSource(strings = {"nopie", "pie"})
    void stopsInTheDeferredFunctionWithTheSnapshotSpliced(String variant) throws Exception {
        Fixture f = PanicScenario.runtime(variant);
        FixtureTruth.PanicViewTruth want = f.truth().panicView("recover", "recovered").orElseThrow();
        try (DapClient c = DapClient.start()) {
            PanicScenario.start(c, f, "recover", List.of("recovered"));
            JsonObject stopped = c.event("stopped");
            assertEquals("exception", str(stopped, "reason"));
            assertEquals("negative", str(stopped, "text"));
            int tid = stopped.get("threadId").getAsInt();

            List<JsonObject> frames = Scenario.stack(c, tid);
            assertEquals(List.of(
                    "main.safeCall.func1 main.go:17",
                    "panic",
                    "main.check main.go:35",
                    "main.work main.go:30",
                    "main.safeCall main.go:22",
                    "main.main main.go:11",
                    "runtime.main",
                    "runtime.goexit"), frames.stream().map(Scenario::describe).toList());
            assertEquals(1, frames.stream().filter(x -> str(x, "name").equals("panic")).count());
            assertEquals("subtle", str(frames.get(1), "presentationHint"));

            JsonObject info = c.ok("exceptionInfo", args("threadId", tid));
            assertEquals("recovered", str(info, "exceptionId"));
            assertEquals("panic: negative [recovered]", str(info.getAsJsonObject("details"), "message"));
            assertEquals(want.frames(), PanicScenario.gcFrames(info));
            assertTrue(str(info.getAsJsonObject("details"), "stackTrace").startsWith("panic: negative [recovered]\n\ngoroutine 1 [running]:\n"));

            // the live closure frame keeps its registers; a snapshot frame says where it came from
            JsonObject scopes = c.ok("scopes", args("frameId", frames.get(0).get("id").getAsInt()));
            assertEquals("Registers", str(scopes.getAsJsonArray("scopes").get(0).getAsJsonObject(), "name"));
            scopes = c.ok("scopes", args("frameId", frames.get(2).get("id").getAsInt()));
            assertEquals("Frame", str(scopes.getAsJsonArray("scopes").get(0).getAsJsonObject(), "name"));

            c.ok("continue", args("threadId", tid));
            assertEquals(0, c.event("exited").get("exitCode").getAsInt());
            assertTrue(c.programOutput().contains("fixture: result -1"), c.programOutput());
            c.ok("disconnect", args());
        }
    }
}
