package dev.llgoframes.dap.scenario.panic;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.PanicScenario;
import dev.llgoframes.dap.testing.Scenario;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureTruth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Filter {@code panic}: the stop is at runtime.Panic's entry, shown as gc's panic frame above the panic statement. */
class PanicFilterStopTest {

    @Test
    void stopsWhenPanicIsEnteredWithTheValue() throws Exception {
        Fixture f = PanicScenario.runtime("nopie");
        FixtureTruth.PanicViewTruth want = f.truth().panicView("recover", "panic").orElseThrow();
        try (DapClient c = DapClient.start()) {
            PanicScenario.start(c, f, "recover", List.of("panic"));
            JsonObject stopped = c.event("stopped");
            assertEquals("exception", str(stopped, "reason"));
            assertEquals("negative", str(stopped, "text"));
            int tid = stopped.get("threadId").getAsInt();

            JsonObject info = c.ok("exceptionInfo", args("threadId", tid));
            assertEquals("panic", str(info, "exceptionId"));
            assertEquals("negative", str(info, "description"));
            assertEquals("panic: negative", str(info.getAsJsonObject("details"), "message"));
            assertEquals(want.frames(), PanicScenario.gcFrames(info));

            // live stack, nothing to splice yet: Panic itself is the panic frame
            assertEquals(List.of("panic", "main.check main.go:35", "main.work main.go:30", "main.safeCall main.go:22",
                    "main.main main.go:11", "runtime.main", "runtime.goexit"), Scenario.describeStack(c, tid, 7));
            JsonObject top = Scenario.stack(c, tid).get(0);
            assertEquals("subtle", str(top, "presentationHint"));

            c.ok("continue", args("threadId", tid));
            assertEquals(0, c.event("exited").get("exitCode").getAsInt());
            c.ok("disconnect", args());
        }
    }
}
