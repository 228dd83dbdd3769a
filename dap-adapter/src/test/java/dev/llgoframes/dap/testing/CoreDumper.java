package dev.llgoframes.dap.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a real core file: gdb in batch mode runs the program until its first stop (the fault)
 * and writes the process image with {@code gcore}, as a user would from a crashed run.
 */
public final class CoreDumper {
    private CoreDumper() {}

    public static Path dumpAtFirstStop(Path program, List<String> args, Path core) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("gdb", "-nx", "-batch",
                "-ex", "set confirm off", "-ex", "set startup-with-shell off",
                "-ex", "run", "-ex", "gcore " + core, "-ex", "kill", "--args", program.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("gdb did not finish the core dump:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (!Files.isRegularFile(core) || Files.size(core) == 0) {
            throw new IOException("gdb wrote no core at " + core + ":\n" + out);
        }
        return core;
    }
}
