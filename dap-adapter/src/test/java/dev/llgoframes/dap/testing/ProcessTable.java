package dev.llgoframes.dap.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Process-table checks: what the adapter started, and that it is all gone. */
public final class ProcessTable {
    private ProcessTable() {}

    public static List<ProcessHandle> descendants(ProcessHandle p) {
        return p.descendants().toList();
    }

    public static Optional<ProcessHandle> gdbOf(ProcessHandle adapter) {
        return adapter.children().filter(c -> c.info().command().map(s -> s.endsWith("gdb")).orElse(false)).findFirst();
    }

    /** Every process with this executable path (the debuggee), wherever it was re-parented. */
    public static List<ProcessHandle> running(java.nio.file.Path executable) {
        String exe = executable.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(ProcessTable::alive)
                .filter(p -> p.info().command().map(exe::equals).orElse(false)).toList();
    }

    /** Alive and not a zombie (a container's pid 1 may never reap re-parented children). */
    public static boolean alive(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + p.pid() + "/stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || stat.length() < close + 3 || stat.charAt(close + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Waits until none of these processes is alive; returns the survivors. */
    public static List<ProcessHandle> awaitGone(List<ProcessHandle> ps, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ps.stream().noneMatch(ProcessTable::alive)) {
                return List.of();
            }
            Thread.sleep(50);
        }
        return ps.stream().filter(ProcessTable::alive).toList();
    }
}
