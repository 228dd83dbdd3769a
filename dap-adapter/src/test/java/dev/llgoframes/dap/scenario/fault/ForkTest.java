package dev.llgoframes.dap.scenario.fault;

import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.ProcessTable;
import dev.llgoframes.dap.testing.ProgramBuilder;
import dev.llgoframes.dap.testing.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A debuggee that forks: gdb follows the parent and lets the child go (no breakpoint traps in
 * it, it is never left stopped), and ending the session leaves neither behind.
 */
class ForkTest {
    @TempDir
    static Path dir;
    static ProgramBuilder.Program program;

    @BeforeAll
    static void build() throws Exception {
        program = ProgramBuilder.build("fault.c.in", dir, false, List.of());
    }

    @Test
    void theChildRunsFreeOfTheParentsBreakpointAndTheSessionEndsCleanly() throws Exception {
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, program.executable(), List.of("fork"), Map.of());
            long parent = c.event("process").get("systemProcessId").getAsLong();
            List<Long> known = new ArrayList<>(List.of(c.adapter().pid(), parent, ProcessTable.gdbOf(c.adapter()).orElseThrow().pid()));
            // the child calls main.add first; a breakpoint left in its copy would kill it with SIGTRAP
            c.ok("setFunctionBreakpoints", args("breakpoints", List.of(Map.of("name", "main.add"))));
            c.ok("configurationDone", null);

            assertEquals("function breakpoint", str(c.event("stopped"), "reason"));
            c.event("output", b -> "stdout".equals(str(b, "category")) && str(b, "output").contains("child "), DapClient.TIMEOUT);
            assertTrue(c.programOutput().contains("child exited 7"), "the child ran main.add unhindered: " + c.programOutput());
            assertEquals(List.of(), ProcessTable.snapshot().stream()
                    .filter(p -> p.exe().equals(program.executable().toString()) && p.pid() != parent && !p.zombie()).toList(),
                    "the only process of the program is the stopped parent");

            c.ok("continue", args("threadId", 1));
            assertEquals(0, c.event("exited").get("exitCode").getAsInt());
            c.event("terminated");
            c.ok("disconnect", args());
            assertTrue(c.waitForExit(Duration.ofSeconds(20)));
            assertEquals(List.of(), ProcessTable.awaitNoLeftovers(known, program.executable(), Duration.ofSeconds(10)));
        }
    }

    @Test
    void aLingeringChildIsNeitherStoppedNorOrphanedWhenTheSessionEnds() throws Exception {
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, program.executable(), List.of("forkloop"), Map.of());
            long parent = c.event("process").get("systemProcessId").getAsLong();
            List<Long> known = new ArrayList<>(List.of(c.adapter().pid(), parent, ProcessTable.gdbOf(c.adapter()).orElseThrow().pid()));
            c.ok("configurationDone", null);
            c.event("output", b -> "stdout".equals(str(b, "category")) && str(b, "output").contains("child tick"), DapClient.TIMEOUT);

            List<ProcessTable.Proc> children = ProcessTable.snapshot().stream().filter(p -> p.ppid() == parent).toList();
            assertEquals(1, children.size(), "one forked child: " + children);
            assertTrue(!children.get(0).stopped(), "the child runs, not parked under gdb: " + children);
            known.add(children.get(0).pid());

            c.ok("disconnect", args());
            assertTrue(c.waitForExit(Duration.ofSeconds(20)));
            assertEquals(List.of(), ProcessTable.awaitNoLeftovers(known, program.executable(), Duration.ofSeconds(10)),
                    "terminating the launched program ends its child too");
        }
    }
}
