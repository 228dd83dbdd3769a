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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NULL store in C three frames below Go-like code, in a binary without DWARF: the stop is an
 * exception with gc's text, C frames keep their C names, Go-like frames get file:line from the
 * tables, and continuing passes the signal on.
 */
class SegvFaultTest {
    @TempDir
    Path dir;

    @Test
    void stopsOnTheFaultWithGcTextAndASymbolizedStack() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, false, List.of());
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, p.executable(), List.of("segv"), Map.of());
            c.ok("setExceptionBreakpoints", args("filters", List.of("fault")));
            c.ok("configurationDone", null);

            JsonObject stopped = c.event("stopped");
            assertEquals("exception", str(stopped, "reason"));
            assertEquals("runtime error: invalid memory address or nil pointer dereference", str(stopped, "text"));
            int tid = stopped.get("threadId").getAsInt();

            JsonObject info = c.ok("exceptionInfo", args("threadId", tid));
            assertEquals("always", str(info, "breakMode"), "a fault stop is one the user asked for; LLGo may still recover it");
            assertEquals("SIGSEGV", str(info, "exceptionId"));
            assertEquals("runtime error: invalid memory address or nil pointer dereference", str(info, "description"));
            String message = str(info.getAsJsonObject("details"), "message");
            assertTrue(message.startsWith("panic: runtime error: invalid memory address or nil pointer dereference\n"
                    + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x"), message);

            String src = p.source().getFileName().toString();
            // gc's own fault text: panic and sigpanic hidden above the faulting C frame (printed in
            // cgo form, pc = fault pc), Go frames with file:line +offset, nothing below main.main
            String gc = str(info.getAsJsonObject("details"), "stackTrace");
            String[] lines = gc.split("\n");
            assertTrue(gc.startsWith("panic: runtime error: invalid memory address or nil pointer dereference\n"
                    + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x"), gc);
            assertEquals("goroutine 1 [running]:", lines[3], gc);
            assertEquals("cexc_leaf_segv", lines[4], gc);
            assertTrue(lines[5].matches("\tpc=0x[0-9a-f]+"), gc);
            assertTrue(gc.contains("main.callC()\n\t" + p.source() + ":" + p.lineOf("cexc_segv();") + " +0x"), gc);
            assertTrue(gc.stripTrailing().endsWith("main.main()\n\t" + p.source() + ":" + p.lineOf("go_viaGo(mode);")
                    + gc.substring(gc.lastIndexOf(" +0x")).stripTrailing()), gc);
            assertFalse(gc.contains("runtime.") || gc.contains("libc") || gc.contains("_start"), gc);
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

            JsonObject page = c.ok("stackTrace", args("threadId", tid, "startFrame", 5, "levels", 2));
            assertEquals(2, page.getAsJsonArray("stackFrames").size());
            assertTrue(page.get("totalFrames").getAsInt() >= 10, "libc and _start frames follow main (past-main on)");
            assertEquals("main.callC", str(page.getAsJsonArray("stackFrames").get(0).getAsJsonObject(), "name"));

            c.ok("continue", args("threadId", tid));
            assertEquals(128 + 11, c.event("exited").get("exitCode").getAsInt());
            c.event("terminated");
            c.ok("disconnect", args());
        }
    }
}
