package dev.llgoframes.dap.gdb;

import java.time.Duration;
import java.util.Map;

/** Loading the program, the inferior's environment, attach/core/detach, raw console commands. */
public final class MiTarget {
    private final MiClient mi;

    public MiTarget(MiClient mi) {
        this.mi = mi;
    }

    public void loadProgram(String path) {
        mi.call("-file-exec-and-symbols " + MiQuoting.cString(path), Duration.ofSeconds(60));
    }

    public void inferiorTty(String path) {
        mi.call("-inferior-tty-set " + MiQuoting.cString(path));
    }

    public void workingDirectory(String dir) {
        console("set cwd " + dir);
    }

    public void environment(Map<String, String> env) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().contains("=") || e.getKey().chars().anyMatch(Character::isWhitespace)) {
                throw new GdbException("invalid environment variable name '" + e.getKey() + "'");
            }
            if (e.getValue() == null) {
                console("unset environment " + e.getKey());
            } else {
                console("set environment " + e.getKey() + "=" + e.getValue());
            }
        }
    }

    public void attach(long pid) {
        mi.call("-target-attach " + pid, Duration.ofSeconds(30));
    }

    public void core(String path) {
        console("core-file " + path);
    }

    public void detach() {
        mi.call("-target-detach");
    }

    /** A CLI command through MI; returns what it printed on the console. */
    public String console(String command) {
        return mi.call("-interpreter-exec console " + MiQuoting.cString(command)).console();
    }

    public String console(String command, Duration timeout) {
        return mi.call("-interpreter-exec console " + MiQuoting.cString(command), timeout).console();
    }
}
