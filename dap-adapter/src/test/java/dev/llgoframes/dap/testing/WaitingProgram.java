package dev.llgoframes.dap.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test program in its "wait" mode, started by the test itself (not by a debugger) so a
 * session can attach to it; it runs main.tick until killed. Closing kills it.
 */
public final class WaitingProgram implements AutoCloseable {
    private final Process process;

    private WaitingProgram(Process process) {
        this.process = process;
    }

    /** Starts it and returns once it has printed "waiting" (it is then inside its loop). */
    public static WaitingProgram start(Path executable) throws IOException {
        Process p = new ProcessBuilder(executable.toString(), "wait").redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = r.readLine();
        if (!"waiting".equals(first)) {
            p.destroyForcibly();
            throw new IOException(executable + " wait printed " + first + " instead of 'waiting'");
        }
        return new WaitingProgram(p);
    }

    public long pid() { return process.pid(); }

    public Process process() { return process; }

    /** Pid of the process tracing it (a debugger attached), 0 when none. */
    public long tracerPid() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (l.startsWith("TracerPid:")) {
                return Long.parseLong(l.substring("TracerPid:".length()).trim());
            }
        }
        throw new IOException("no TracerPid in /proc/" + pid() + "/status");
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
