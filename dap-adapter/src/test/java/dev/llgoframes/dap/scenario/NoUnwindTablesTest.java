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

/**
 * Built without .eh_frame, like LLGo's frameless Go leaves (spec §7.1): the fault is in a
 * frameless leaf, and the stack still reaches the leaf's caller and the Go-like frames.
 */
class NoUnwindTablesTest {
    @TempDir
    Path dir;

    @Test
    void faultInAFramelessLeafWithoutCfiKeepsTheCaller() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, false,
                List.of("-fno-asynchronous-unwind-tables", "-fno-unwind-tables"));
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, p.executable(), List.of("segv"), Map.of());
            c.ok("configurationDone", null);
            JsonObject stopped = c.event("stopped");
            assertEquals("exception", str(stopped, "reason"));
            int tid = stopped.get("threadId").getAsInt();
            String src = p.source().getFileName().toString();
            assertEquals(List.of(
                    "cexc_leaf_segv",
                    "cexc_mid_segv",
                    "cexc_mid_segv",
                    "cexc_mid_segv",
                    "cexc_segv",
                    "main.callC " + src + ":" + p.lineOf("cexc_segv();"),
                    "main.viaGo " + src + ":" + p.lineOf("go_callC(mode);"),
                    "main.main " + src + ":" + p.lineOf("go_viaGo(mode);"),
                    "main"), Scenario.describeStack(c, tid, 9));
            c.ok("disconnect", args());
        }
    }
}
