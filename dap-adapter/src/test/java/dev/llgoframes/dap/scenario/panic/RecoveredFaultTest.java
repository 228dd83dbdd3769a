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
 * A NULL store in C converted to a Go panic by the runtime's handler and recovered: the fault snapshot (fault pc + 1,
 * then the fp walk) is spliced untrimmed, with gc's panic and runtime.sigpanic above the faulting C frame.
 */
class RecoveredFaultTest {

    @Test
    void recoveredFaultShowsTheFaultSnapshotWithCFramesByName() throws Exception {
        Fixture f = PanicScenario.runtime("nopie");
        FixtureTruth.PanicViewTruth want = f.truth().panicView("segv", "recovered").orElseThrow();
        try (DapClient c = DapClient.start()) {
            // fault filter off: gdb passes SIGSEGV to the program's handler without stopping
            PanicScenario.start(c, f, "segv", List.of("recovered"));
            JsonObject stopped = c.event("stopped");
            assertEquals("exception", str(stopped, "reason"));
            assertEquals(want.value(), str(stopped, "text"));
            int tid = stopped.get("threadId").getAsInt();

            List<JsonObject> frames = Scenario.stack(c, tid);
            assertEquals(List.of(
                    "main.safeCall.func1 main.go:17",
                    "panic",
                    "runtime.sigpanic",
                    "cexc_leaf_segv",
                    "cexc_mid_segv",
                    "cexc_mid_segv",
                    "cexc_segv",
                    "main.work main.go:28",
                    "main.safeCall main.go:22",
                    "main.main main.go:11",
                    "runtime.main",
                    "runtime.goexit"), frames.stream().map(Scenario::describe).toList());
            assertEquals("label", str(frames.get(2), "presentationHint"));

            JsonObject info = c.ok("exceptionInfo", args("threadId", tid));
            assertEquals(want.frames(), PanicScenario.gcFrames(info));

            c.ok("continue", args("threadId", tid));
            assertEquals(0, c.event("exited").get("exitCode").getAsInt());
            c.ok("disconnect", args());
        }
    }
}
