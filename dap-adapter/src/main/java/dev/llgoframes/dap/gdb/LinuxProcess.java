package dev.llgoframes.dap.gdb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What /proc says about the inferior. gdb only reaps a program it is running: one killed
 * while stopped stays a zombie that gdb never reports, so the backend has to look itself.
 */
final class LinuxProcess {
    private static final String[] SIGNALS = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
        "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD",
        "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    /** A /proc/pid/stat line's fields that matter here; waitStatus is the zombie's wait(2) status, if any. */
    record Stat(long pid, char state, long processGroup, Integer waitStatus) {
        boolean dead() { return state == 'Z' || state == 'X'; }
    }

    /** How a dead process ended: an exit code or a signal's name; both null when nobody can tell any more. */
    record Ending(Integer exitCode, String signalName) {}

    private LinuxProcess() {}

    static Optional<Stat> stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state); exit_code is field 52 (Linux 3.5+)
            Integer status = f.length > 49 ? Integer.valueOf(f[49].trim()) : null;
            return Optional.of(new Stat(pid, f[0].charAt(0), Long.parseLong(f[2]), status));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Empty while the process lives; otherwise how it ended (as far as a zombie still tells). */
    static Optional<Ending> ending(long pid) {
        Optional<Stat> s = stat(pid);
        if (s.isPresent() && !s.get().dead()) {
            return Optional.empty();
        }
        Integer status = s.map(Stat::waitStatus).orElse(null);
        if (status == null) {
            return Optional.of(new Ending(null, null));
        }
        int sig = status & 0x7f;
        if (sig == 0) {
            return Optional.of(new Ending((status >> 8) & 0xff, null));
        }
        return Optional.of(new Ending(null, sig < SIGNALS.length ? SIGNALS[sig] : "signal " + sig));
    }

    /**
     * Kills a launched program and everything it started: its process group (gdb makes the
     * program a session and group leader when it gets its own terminal, so forked children
     * stay in the group even once re-parented) and its descendants. Only a group whose id is
     * this pid is touched, never one the program merely shares.
     */
    static void killTree(long pid) {
        List<ProcessHandle> victims = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(h -> victims.addAll(h.descendants().toList()));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : ds) {
                long other = Long.parseLong(p.getFileName().toString());
                stat(other).filter(st -> st.processGroup() == pid && other != pid && !st.dead())
                        .flatMap(st -> ProcessHandle.of(other)).ifPresent(victims::add);
            }
        } catch (IOException e) {
            // no /proc: the descendants found above are all we can reach
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        victims.forEach(ProcessHandle::destroyForcibly);
    }
}
