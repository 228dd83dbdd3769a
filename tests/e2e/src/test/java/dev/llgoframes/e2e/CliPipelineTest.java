package dev.llgoframes.e2e;

import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell pipeline a user runs, with the real launcher script and real processes:
 * a program faults in C, its pcs go through {@code llgo-frames emulate} (LLGo's own text)
 * and then {@code llgo-frames trace --binary} (gc's frames with C names).
 */
class CliPipelineTest {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent().getParent();
    static final Path LAUNCHER = ROOT.resolve("llgo-frames");

    record Result(int exit, String out, String err) {}

    static Result sh(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "set -o pipefail; " + script).directory(ROOT.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pipeline timed out");
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void crashOutputBecomesGcFramesWithCNames() throws Exception {
        assertTrue(Files.isRegularFile(ROOT.resolve("cli/target/llgo-frames.jar")), "build the CLI first (mvn install)");
        for (String variant : List.of("prebuilt", "external", "nopie-dwarf5")) {
            Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant(variant));
            String prog = f.executable().toString();
            Result r = sh("(" + prog + " segv 2>&1 || true) | " + LAUNCHER + " emulate " + prog + " | " + LAUNCHER
                    + " trace --color=never --binary " + prog);
            assertEquals(0, r.exit(), r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals("panic: runtime error: invalid memory address or nil pointer dereference", lines.get(0), r.out());
            assertTrue(lines.get(1).startsWith("[signal SIGSEGV: segmentation violation"), r.out());
            int leaf = lines.indexOf("cexc_leaf_segv");
            int callC = lines.indexOf("main.callC()");
            int viaGo = lines.indexOf("main.viaGo()");
            int main = lines.indexOf("main.main()");
            assertTrue(leaf > 0 && leaf < callC && callC < viaGo && viaGo < main, variant + ":\n" + r.out());
            assertTrue(lines.get(callC + 1).matches("\t/.*/main\\.go:\\d+ \\+0x[0-9a-f]+"), r.out());
            assertTrue(r.out().lines().noneMatch(l -> l.startsWith("runtime.")), r.out());
        }
    }

    @Test
    void symbolizeExitCodesAndStderrThroughTheLauncher() throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant("nopie"));
        long leaf = f.truth().cFunction("cexc_leaf_segv").orElseThrow().address();
        Result ok = sh(LAUNCHER + " symbolize " + f.executable() + " 0x" + Long.toHexString(leaf));
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains(" cexc_leaf_segv ") && ok.err().isEmpty(), ok.out() + ok.err());
        Result unresolved = sh("echo 0x10 | " + LAUNCHER + " symbolize " + f.executable());
        assertEquals(1, unresolved.exit());
        Result missing = sh(LAUNCHER + " inspect /nonexistent/prog");
        assertEquals(2, missing.exit());
        assertEquals("llgo-frames: /nonexistent/prog: no such file\n", missing.err());
        assertTrue(missing.out().isEmpty());
    }
}
