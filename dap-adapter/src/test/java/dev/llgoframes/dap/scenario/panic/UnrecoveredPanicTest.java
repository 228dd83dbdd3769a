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

/**
 * Filter {@code unrecovered}: TracePanic is inlined in the fixture (record, no symbol), so the adapter breaks on
 * Rethrow with a null defer link; the snapshot is in flight and spliced under Rethrow.
 */
class UnrecoveredPanicTest {

    @Test
    void stopsBeforeTheFatalTracebackWithTheSplicedStack() throws Exception {
        Fixture f = PanicScenario.runtime("nopie");
        FixtureTruth.PanicViewTruth want = f.truth().panicView("panic", "unrecovered").orElseThrow();
        try (DapClient c = DapClient.start()) {
            PanicScenario.start(c, f, "panic", List.of("unrecovered"));
            JsonObject stopped = c.event("stopped");
            assertEquals("exception", str(stopped, "reason"));
            assertEquals("negative", str(stopped, "text"));
            int tid = stopped.get("threadId").getAsInt();

            JsonObject info = c.ok("exceptionInfo", args("threadId", tid));
            assertEquals("unrecovered", str(info, "exceptionId"));
            assertEquals("unhandled", str(info, "breakMode"), "the program ends after this stop");
            assertEquals(want.frames(), PanicScenario.gcFrames(info));
            assertEquals(List.of("panic", "main.check main.go:35", "main.main main.go:9", "runtime.main", "runtime.goexit"),
                    Scenario.describeStack(c, tid, 10));

            c.ok("continue", args("threadId", tid));
            assertEquals(2, c.event("exited").get("exitCode").getAsInt());
            c.ok("disconnect", args());
        }
    }

    @Test
    void aRecoveredPanicDoesNotStop() throws Exception {
        Fixture f = PanicScenario.runtime("nopie");
        try (DapClient c = DapClient.start()) {
            // Rethrow runs with a defer link here: the null-argument condition keeps it from stopping
            PanicScenario.start(c, f, "recover", List.of("unrecovered"));
            assertEquals(0, c.event("exited").get("exitCode").getAsInt());
            c.ok("disconnect", args());
        }
    }
}
