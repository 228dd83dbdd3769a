package dev.llgoframes.dap.scenario.fault;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.ProcessTable;
import dev.llgoframes.dap.testing.ProgramBuilder;
import dev.llgoframes.dap.testing.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing next to the debuggee, in gdb's working directory or in $HOME runs inside the adapter's
 * gdb, and the debug console refuses commands that reach the host unless the launch allows them.
 * Each planted script creates its own marker file; a plain gdb that trusts everything is run
 * first to prove every one of them would.
 */
class GdbSafetyTest {
    @TempDir
    static Path dir;
    static ProgramBuilder.Program program;
    static Path home;
    /** vector → the marker its script creates */
    static Map<String, Path> markers;

    @BeforeAll
    static void build() throws Exception {
        Path bin = dir.resolve("bin");
        home = dir.resolve("home");
        Files.createDirectories(bin);
        Files.createDirectories(home);
        markers = new java.util.LinkedHashMap<>();
        for (String v : List.of("home-gdbinit", "local-gdbinit", "objfile-gdb", "objfile-py", "section-inline-py")) {
            markers.put(v, dir.resolve("marker-" + v));
        }
        // an inline python script in .debug_gdb_scripts, the way a library ships its pretty-printers
        Path section = dir.resolve("gdbscripts.s");
        Files.writeString(section, ".pushsection \".debug_gdb_scripts\", \"MS\",@progbits,1\n.byte 4\n"
                + ".ascii \"gdb.inlined-script\\n\"\n.ascii \"open('" + markers.get("section-inline-py") + "', 'w').close()\\n\"\n"
                + ".byte 0\n.popsection\n.section .note.GNU-stack,\"\",@progbits\n");
        program = ProgramBuilder.build("fault.c.in", bin, false, List.of(section.toString()));
        Files.writeString(home.resolve(".gdbinit"), "shell touch " + markers.get("home-gdbinit") + "\n");
        Files.writeString(bin.resolve(".gdbinit"), "shell touch " + markers.get("local-gdbinit") + "\n");
        Files.writeString(bin.resolve("fault-gdb.gdb"), "shell touch " + markers.get("objfile-gdb") + "\n");
        Files.writeString(bin.resolve("fault-gdb.py"), "open('" + markers.get("objfile-py") + "', 'w').close()\n");
    }

    @BeforeEach
    void clearMarkers() throws Exception {
        for (Path m : markers.values()) {
            Files.deleteIfExists(m);
        }
        Files.deleteIfExists(dir.resolve("marker-repl"));
    }

    private static List<String> created() {
        return markers.entrySet().stream().filter(e -> Files.exists(e.getValue())).map(Map.Entry::getKey).toList();
    }

    @Test
    void aTrustingGdbWouldRunEveryPlantedScript() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("gdb", "-q", "-batch", "-iex", "set auto-load safe-path /",
                "-ex", "run", "--args", program.executable().toString(), "quick");
        pb.directory(program.executable().getParent().toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(List.copyOf(markers.keySet()), created(), "control run output:\n" + out);
    }

    @Test
    void theAdaptersGdbRunsNoneOfThem() throws Exception {
        try (DapClient c = DapClient.start(Map.of("HOME", home.toString()), program.executable().getParent())) {
            Scenario.launch(c, program.executable(), List.of("quick"), Map.of());
            long pid = c.event("process").get("systemProcessId").getAsLong();
            List<Long> known = new ArrayList<>(List.of(c.adapter().pid(), pid, ProcessTable.gdbOf(c.adapter()).orElseThrow().pid()));
            c.ok("configurationDone", null);
            assertEquals(5, c.event("exited").get("exitCode").getAsInt());
            c.event("terminated");
            c.ok("disconnect", args());
            assertTrue(c.waitForExit(Duration.ofSeconds(20)));
            assertEquals(List.of(), ProcessTable.awaitNoLeftovers(known, program.executable(), Duration.ofSeconds(10)));
        }
        assertEquals(List.of(), created(), "scripts that ran inside the adapter's gdb");
    }

    /** Inputs that would create the marker through gdb if they ran. */
    private static List<String> hostCommands(Path marker) {
        String m = marker.toString();
        return List.of("shell touch " + m, "!touch " + m, "pipe print 1 | touch " + m, "| print 1 | touch " + m,
                "python open('" + m + "', 'w').close()", "py open('" + m + "', 'w').close()",
                "define hook-stop\nshell touch " + m + "\nend",
                "s\\hell touch " + m, "sh\"ell\" touch " + m,
                "interpreter-exec console \"shell touch " + m + "\"",
                "target remote | touch " + m, "target remote |touch " + m,
                "set startup-with-shell on", "set exec-wrapper touch " + m, "set auto-load safe-path /",
                "jit-reader-load /tmp/nothing.so", "new-ui console /dev/null");
    }

    @Test
    void theDebugConsoleRefusesHostCommandsUnlessTheLaunchAllowsThem() throws Exception {
        Path marker = dir.resolve("marker-repl");
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, program.executable(), List.of("quick"), Map.of());
            for (String cmd : hostCommands(marker)) {
                JsonObject r = c.request("evaluate", args("expression", cmd, "context", "repl"));
                assertFalse(r.get("success").getAsBoolean(), cmd + " → " + r);
                assertTrue(str(r, "message").contains("is disabled in the debug console"), str(r, "message"));
                assertFalse(Files.exists(marker), "ran: " + cmd);
            }
            // an ordinary command still works, and the session is still sound
            assertTrue(str(c.ok("evaluate", args("expression", "info inferiors", "context", "repl")), "result").contains("process"));
            c.ok("configurationDone", null);
            assertEquals(5, c.event("exited").get("exitCode").getAsInt());
            c.ok("disconnect", args());
        }
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, program.executable(), List.of("quick"), Map.of("allowUnsafeCommands", true));
            c.ok("evaluate", args("expression", "shell touch " + marker, "context", "repl"));
            assertTrue(Files.exists(marker), "allowUnsafeCommands lets shell run");
            c.ok("disconnect", args());
        }
    }
}
