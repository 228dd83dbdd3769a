package dev.llgoframes.dap.gdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The gdb child process and its MI client. gdb runs with no init files and a safe-path that
 * matches nothing, so neither the user's nor the debuggee's scripts can run inside it.
 */
public final class GdbProcess implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GdbProcess.class.getName());
    private static final int STDERR_KEEP = 20;

    private final Process process;
    private final MiClient client;
    private final Deque<String> stderrTail = new ArrayDeque<>();

    private GdbProcess(Process process, MiEventListener listener) {
        this.process = process;
        this.client = new MiClient(process.getInputStream(), process.getOutputStream(), listener);
        Thread err = new Thread(this::drainStderr, "gdb-stderr");
        err.setDaemon(true);
        err.start();
    }

    /** The command line; {@code -iex} settings apply before gdb reads anything else. */
    static List<String> commandLine(String gdbPath) {
        return List.of(gdbPath, "-nx", "-q", "--interpreter=mi3",
                "-iex", "set auto-load safe-path /nonexistent",
                "-iex", "set auto-load gdb-scripts off",
                "-iex", "set auto-load python-scripts off",
                "-iex", "set auto-load local-gdbinit off");
    }

    /** Starts gdb and applies the settings every session needs. */
    public static GdbProcess start(String gdbPath, MiEventListener listener) {
        ProcessBuilder pb = new ProcessBuilder(commandLine(gdbPath));
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new GdbException("cannot start gdb '" + gdbPath + "': " + e.getMessage(), e);
        }
        GdbProcess g = new GdbProcess(p, listener);
        g.client.start();
        try {
            g.configure();
        } catch (GdbException e) {
            g.close();
            throw new GdbException("gdb '" + gdbPath + "' did not accept the MI setup: " + e.getMessage()
                    + g.stderrSummary(), e);
        }
        return g;
    }

    private void configure() {
        for (String c : List.of(
                // commands (-exec-interrupt above all) must be accepted while the program runs
                "-gdb-set mi-async on",
                "-gdb-set pagination off",
                "-gdb-set confirm off",
                "-gdb-set width 0",
                "-gdb-set height 0",
                "-gdb-set startup-with-shell off",
                // a forking program: stay with the parent and let the child run free (never left
                // stopped under gdb, never carrying the parent's breakpoints)
                "-gdb-set follow-fork-mode parent",
                "-gdb-set detach-on-fork on",
                "-gdb-set follow-exec-mode same",
                // gdb's Go heuristic ends backtraces at main.main otherwise (notes/gdb.md)
                "-gdb-set backtrace past-main on",
                "-gdb-set print symbol-loading off",
                // pass: LLGo's own handler turns the fault into a Go panic (spec §8.6)
                "-interpreter-exec console \"handle SIGSEGV SIGBUS SIGFPE stop print pass\"")) {
            client.call(c, Duration.ofSeconds(10));
        }
    }

    public MiClient mi() { return client; }

    public long pid() { return process.pid(); }

    public ProcessHandle handle() { return process.toHandle(); }

    public boolean isAlive() { return process.isAlive(); }

    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** The last lines gdb wrote to stderr, for messages about its death. */
    public String stderrSummary() {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "" : "; gdb stderr: " + String.join(" | ", stderrTail);
        }
    }

    private void drainStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                LOG.info("gdb stderr: " + line);
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_KEEP) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // gdb gone
        }
    }

    /** Asks gdb to exit, then kills it if it does not. */
    @Override
    public void close() {
        if (process.isAlive() && !client.isClosed()) {
            client.send("-gdb-exit");
        }
        client.close();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
