package dev.llgoframes.dap.scenario;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.ProgramBuilder;
import dev.llgoframes.dap.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.objects;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * substitutePath: the tables name the build machine's file; the client only knows its local
 * copy (here also renamed, so no suffix match can stand in for the mapping). Breakpoints on the
 * local path resolve, frames and disassembly locations show the local path.
 */
class SubstitutePathTest {
    @TempDir
    Path dir;

    @Test
    void localPathsBothWays() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir.resolve("build"), false, List.of());
        Path local = dir.resolve("checkout/src/prog.c");
        Files.createDirectories(local.getParent());
        Files.copy(p.source(), local);
        int line = p.lineOf("go_viaGo(mode);");
        try (DapClient c = DapClient.start()) {
            Scenario.initialize(c);
            c.ok("launch", args("program", p.executable().toString(), "args", List.of("segv"),
                    "substitutePath", List.of(args("from", p.source().toString(), "to", local.toString()))));
            c.event("initialized");
            JsonObject bps = c.ok("setBreakpoints", args("source", args("path", local.toString()),
                    "breakpoints", List.of(args("line", line))));
            JsonObject bp = bps.getAsJsonArray("breakpoints").get(0).getAsJsonObject();
            assertTrue(bp.get("verified").getAsBoolean(), bp.toString());
            assertEquals(local.toString(), str(bp.getAsJsonObject("source"), "path"));
            c.ok("configurationDone", null);

            JsonObject stopped = c.event("stopped");
            assertEquals("breakpoint", str(stopped, "reason"));
            int tid = stopped.get("threadId").getAsInt();
            JsonObject top = Scenario.stack(c, tid).get(0);
            assertEquals("main.main", str(top, "name"));
            assertEquals(local.toString(), str(top.getAsJsonObject("source"), "path"));
            assertEquals(line, top.get("line").getAsInt());

            List<JsonObject> ins = objects(c.ok("disassemble", args("memoryReference", str(top, "instructionPointerReference"),
                    "instructionCount", 1)).getAsJsonArray("instructions"));
            assertEquals(local.toString(), str(ins.get(0).getAsJsonObject("location"), "path"));

            // the build path itself is no longer what the client sees, but still resolves
            JsonObject viaBuild = c.ok("setBreakpoints", args("source", args("path", p.source().toString()),
                    "breakpoints", List.of(args("line", line))));
            assertTrue(viaBuild.getAsJsonArray("breakpoints").get(0).getAsJsonObject().get("verified").getAsBoolean());

            JsonObject r = c.request("launch", args("program", p.executable().toString(), "substitutePath", "oops"));
            assertFalse(r.get("success").getAsBoolean());
            c.ok("disconnect", args());
        }
        try (DapClient c = DapClient.start()) {
            Scenario.initialize(c);
            JsonObject r = c.request("launch", args("program", p.executable().toString(),
                    "substitutePath", List.of(args("from", "/x"))));
            assertFalse(r.get("success").getAsBoolean());
            assertTrue(str(r, "message").contains("substitutePath"), str(r, "message"));
            c.ok("disconnect", args());
        }
    }
}
