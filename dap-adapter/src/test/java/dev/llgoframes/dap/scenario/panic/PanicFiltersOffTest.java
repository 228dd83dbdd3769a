package dev.llgoframes.dap.scenario.panic;

import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.PanicScenario;
import dev.llgoframes.fixtures.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.llgoframes.dap.testing.DapClient.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No panic filter enabled: panics, recovered or not, run through without a stop. */
class PanicFiltersOffTest {

    @ParameterizedTest
    @CsvSource({"recover, 0", "segv, 0", "panic, 2"})
    void noStop(String mode, int exitCode) throws Exception {
        Fixture f = PanicScenario.runtime("nopie");
        try (DapClient c = DapClient.start()) {
            PanicScenario.start(c, f, mode, List.of());
            assertEquals(exitCode, c.event("exited").get("exitCode").getAsInt());
            assertTrue(c.messages().stream().noneMatch(m -> "stopped".equals(DapClient.str(m, "event"))));
            c.ok("disconnect", args());
        }
    }
}
