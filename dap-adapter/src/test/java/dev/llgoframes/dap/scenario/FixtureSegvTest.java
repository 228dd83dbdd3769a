package dev.llgoframes.dap.scenario;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.Scenario;
import dev.llgoframes.fixtures.AnchorKind;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.FixtureTruth;
import dev.llgoframes.fixtures.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared standard fixture (main.go + C fault chain), non-PIE and PIE: the stop and the stack against its truth. */
class FixtureSegvTest {

    @ParameterizedTest
    @ValueSource(strings = {"nopie", "pie"})
    void segvStopMatchesTheFixtureTruth(String variant) throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant(variant));
        FixtureTruth t = f.truth();
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, f.executable(), List.of("segv"), Map.of());
            c.ok("configurationDone", null);
            JsonObject stopped = c.event("stopped");
            assertEquals("exception", str(stopped, "reason"));
            assertEquals("runtime error: invalid memory address or nil pointer dereference", str(stopped, "text"));
            int tid = stopped.get("threadId").getAsInt();
            assertEquals(List.of(
                    "cexc_leaf_segv",
                    "cexc_mid_segv",
                    "cexc_mid_segv",
                    "cexc_mid_segv",
                    "cexc_segv",
                    "main.callC " + callLine(t, "main.callC", 0),
                    "main.viaGo " + callLine(t, "main.viaGo", 0)), Scenario.describeStack(c, tid, 7));
            c.ok("disconnect", args());
        }
    }

    /** "main.go:N" of the k-th call anchor (by line) of a function, as the truth declares it. */
    private static String callLine(FixtureTruth t, String fn, int k) {
        FixtureTruth.AnchorTruth a = t.anchorsOf(fn).stream().filter(x -> x.kind() == AnchorKind.CALL)
                .sorted(Comparator.comparingInt(FixtureTruth.AnchorTruth::line)).toList().get(k);
        return Path.of(a.file()).getFileName() + ":" + a.line();
    }
}
