package dev.llgoframes.dap.scenario;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.CoreDumper;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.ProcessTable;
import dev.llgoframes.dap.testing.ProgramBuilder;
import dev.llgoframes.dap.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.objects;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Post-mortem: a real core written by gdb at the SIGSEGV stop, opened with {@code coreFile}.
 * The stop, the fault text and the symbolized stack are those of the live session at the same
 * fault; anything that would run the program is refused with a message saying why.
 */
class CoreFileTest {
    @TempDir
    Path dir;

    @Test
    void coreShowsTheFaultAndTheLiveStackAndRefusesToRun() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, false, List.of());
        Path core = CoreDumper.dumpAtFirstStop(p.executable(), List.of("segv"), dir.resolve("fault.core"));
        List<String> live = liveStackAtTheFault(p);
        String src = p.source().getFileName().toString();
        assertTrue(live.contains("main.callC " + src + ":" + p.lineOf("cexc_segv();")), live.toString());

        try (DapClient c = DapClient.start()) {
            Scenario.initialize(c);
            c.ok("launch", args("program", p.executable().toString(), "coreFile", core.toString()));
            c.event("initialized");
            JsonObject bp = c.ok("setBreakpoints", args("source", args("path", p.source().toString()),
                    "breakpoints", List.of(args("line", p.lineOf("go_viaGo(mode);")))));
            assertFalse(bp.getAsJsonArray("breakpoints").get(0).getAsJsonObject().get("verified").getAsBoolean());
            c.ok("configurationDone", null);

            JsonObject stopped = c.event("stopped");
            assertEquals("exception", str(stopped, "reason"));
            assertEquals("runtime error: invalid memory address or nil pointer dereference", str(stopped, "text"));
            int tid = stopped.get("threadId").getAsInt();
            List<JsonObject> threads = objects(c.ok("threads", null).getAsJsonArray("threads"));
            assertEquals(tid, threads.get(0).get("id").getAsInt());

            JsonObject info = c.ok("exceptionInfo", args("threadId", tid));
            assertEquals("SIGSEGV", str(info, "exceptionId"));
            String message = str(info.getAsJsonObject("details"), "message");
            assertTrue(message.startsWith("panic: runtime error: invalid memory address or nil pointer dereference\n"
                    + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x"), message);

            assertEquals(live, Scenario.describeStack(c, tid, Integer.MAX_VALUE));

            for (String run : List.of("continue", "next", "stepIn", "stepOut")) {
                JsonObject r = c.request(run, args("threadId", tid));
                assertFalse(r.get("success").getAsBoolean(), run);
                assertTrue(str(r, "message").contains("post-mortem"), run + ": " + str(r, "message"));
            }
            // still inspectable after the refusals
            assertEquals(live.get(0), Scenario.describeStack(c, tid, 1).get(0));

            List<ProcessHandle> family = new ArrayList<>(ProcessTable.descendants(c.adapter()));
            assertTrue(ProcessTable.gdbOf(c.adapter()).isPresent());
            c.ok("disconnect", args());
            assertTrue(c.waitForExit(Duration.ofSeconds(10)));
            assertEquals(List.of(), ProcessTable.awaitGone(family, Duration.ofSeconds(10)), "gdb is gone");
        }
    }

    /** The same fault in a live session: the stack the core must reproduce. */
    private static List<String> liveStackAtTheFault(ProgramBuilder.Program p) throws Exception {
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, p.executable(), List.of("segv"), Map.of());
            c.ok("configurationDone", null);
            JsonObject stopped = c.event("stopped");
            assertEquals("exception", str(stopped, "reason"));
            List<String> stack = Scenario.describeStack(c, stopped.get("threadId").getAsInt(), Integer.MAX_VALUE);
            c.ok("disconnect", args());
            return stack;
        }
    }
}
