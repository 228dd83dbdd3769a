package dev.llgoframes.dap.scenario;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.Scenario;
import dev.llgoframes.fixtures.macho.MachOOptions;
import dev.llgoframes.fixtures.macho.MachOProgram;
import dev.llgoframes.fixtures.macho.MachOWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.llgoframes.dap.testing.DapClient.args;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A darwin executable cannot run under gdb on Linux: launch fails with a message that says what to do instead. */
class MachORefusedTest {
    @TempDir
    Path dir;

    @Test
    void launchingAMachOBinaryIsRefusedClearly() throws Exception {
        Path exe = MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(dev.llgoframes.fixtures.macho.MachOMode.PREBUILT)).writeTo(dir, "prog");
        try (DapClient c = DapClient.start()) {
            Scenario.initialize(c);
            JsonObject r = c.request("launch", Map.of("program", exe.toString()));
            assertFalse(r.get("success").getAsBoolean(), r.toString());
            String msg = r.toString();
            assertTrue(msg.contains("Mach-O") && msg.contains("only be debugged on macOS") && msg.contains("llgo-frames inspect"), msg);
            c.request("disconnect", args());
            assertTrue(c.waitForExit(java.time.Duration.ofSeconds(10)), "adapter exits and leaves nothing behind");
        }
    }
}
