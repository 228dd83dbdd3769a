package dev.llgoframes.dap.testing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Process-table checks read straight from /proc: what the adapter started, and that none of it
 * is left behind — neither still running under its old pid, nor re-parented to init, nor parked
 * in a stopped state. A zombie counts as gone (a container's pid 1 may never reap it).
 */
public final class ProcessTable {
    private ProcessTable() {}

    /** One /proc entry: state is the letter of /proc/pid/stat (R, S, T, t, Z…); exe may be unreadable. */
    public record Proc(long pid, long ppid, char state, String comm, String exe) {
        public boolean zombie() { return state == 'Z' || state == 'X'; }

        /** Stopped by a signal or sitting in a ptrace stop. */
        public boolean stopped() { return state == 'T' || state == 't'; }

        @Override
        public String toString() {
            return pid + "(" + comm + ", ppid " + ppid + ", " + state + (exe.isEmpty() ? "" : ", " + exe) + ")";
        }
    }

    /** Every process visible now. */
    public static List<Proc> snapshot() {
        List<Proc> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : ds) {
                read(Long.parseLong(p.getFileName().toString())).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return out;
    }

    /** The entry of one pid, empty once it is gone. */
    public static Optional<Proc> read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String comm = stat.substring(open + 1, close);
            String[] rest = stat.substring(close + 2).split(" ");
            String exe;
            try {
                exe = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).toString();
            } catch (IOException | UnsupportedOperationException e) {
                exe = "";
            }
            return Optional.of(new Proc(pid, Long.parseLong(rest[1]), rest[0].charAt(0), comm, exe));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every live process whose parent chain reaches {@code ancestor}, by walking ppid links in a snapshot. */
    public static List<Proc> descendantsOf(long ancestor) {
        List<Proc> all = snapshot();
        Map<Long, Long> parent = new HashMap<>();
        all.forEach(p -> parent.put(p.pid(), p.ppid()));
        List<Proc> out = new ArrayList<>();
        for (Proc p : all) {
            Set<Long> seen = new HashSet<>();
            for (long q = p.ppid(); q > 0 && seen.add(q); q = parent.getOrDefault(q, 0L)) {
                if (q == ancestor) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * What is left of a session: the known pids still alive (not zombies), anything still
     * descending from them, and every live process running {@code executable} wherever it was
     * re-parented (a forked child of the debuggee runs the same image).
     */
    public static List<Proc> leftovers(Collection<Long> knownPids, Path executable) {
        String exe = executable.toAbsolutePath().toString();
        List<Proc> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Predicate<Proc> live = p -> !p.zombie();
        for (long pid : knownPids) {
            read(pid).filter(live).filter(p -> seen.add(p.pid())).ifPresent(out::add);
            descendantsOf(pid).stream().filter(live).filter(p -> seen.add(p.pid())).forEach(out::add);
        }
        snapshot().stream().filter(live).filter(p -> p.exe().equals(exe) || p.exe().equals(exe + " (deleted)"))
                .filter(p -> seen.add(p.pid())).forEach(out::add);
        return out;
    }

    /** Waits until {@link #leftovers} is empty; returns what is still there at the deadline. */
    public static List<Proc> awaitNoLeftovers(Collection<Long> knownPids, Path executable, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Proc> left = leftovers(knownPids, executable);
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(50);
        }
    }

    // ---- ProcessHandle views, for tests that hold handles

    public static List<ProcessHandle> descendants(ProcessHandle p) {
        return descendantsOf(p.pid()).stream().map(q -> ProcessHandle.of(q.pid())).flatMap(Optional::stream).toList();
    }

    /** The gdb the adapter started: its child whose executable is a gdb. */
    public static Optional<ProcessHandle> gdbOf(ProcessHandle adapter) {
        return snapshot().stream().filter(p -> p.ppid() == adapter.pid())
                .filter(p -> p.exe().endsWith("gdb") || p.comm().equals("gdb"))
                .map(p -> ProcessHandle.of(p.pid())).flatMap(Optional::stream).findFirst();
    }

    /** Every live process with this executable path (the debuggee), wherever it was re-parented. */
    public static List<ProcessHandle> running(Path executable) {
        String exe = executable.toAbsolutePath().toString();
        return snapshot().stream().filter(p -> !p.zombie() && p.exe().equals(exe))
                .map(p -> ProcessHandle.of(p.pid())).flatMap(Optional::stream).toList();
    }

    /** Alive and not a zombie. */
    public static boolean alive(ProcessHandle p) {
        return read(p.pid()).map(q -> !q.zombie()).orElse(false);
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
