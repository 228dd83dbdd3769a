package dev.llgoframes.dap;

import dev.llgoframes.core.paths.PathMap;
import dev.llgoframes.dap.session.SessionTarget;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the client's launch/attach arguments (a JSON object as a map) into a session target.
 * Unknown keys are ignored, as DAP clients add their own (type, request, name, __sessionId).
 */
final class LaunchArguments {
    private LaunchArguments() {}

    static SessionTarget launch(Map<String, Object> a) {
        Path program = program(a);
        String gdb = string(a, "gdbPath");
        boolean unsafe = bool(a, "allowUnsafeCommands");
        String core = string(a, "coreFile");
        if (core != null) {
            return new SessionTarget.Core(program, resolve(a, core), gdb, unsafe, paths(a));
        }
        List<String> args = new ArrayList<>();
        Object raw = a.get("args");
        if (raw instanceof List<?> l) {
            for (Object o : l) {
                args.add(String.valueOf(o));
            }
        } else if (raw != null) {
            throw new IllegalArgumentException("'args' must be a list of strings");
        }
        String cwd = string(a, "cwd");
        Map<String, String> env = new LinkedHashMap<>();
        Object e = a.get("env");
        if (e instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (e != null) {
            throw new IllegalArgumentException("'env' must be an object of strings");
        }
        return new SessionTarget.Launch(program, args, cwd == null ? null : Path.of(cwd), env, bool(a, "stopOnEntry"),
                gdb, unsafe, paths(a));
    }

    static SessionTarget attach(Map<String, Object> a) {
        Object pid = a.containsKey("processId") ? a.get("processId") : a.get("pid");
        if (pid == null) {
            throw new IllegalArgumentException("attach needs 'processId'");
        }
        long p;
        try {
            p = pid instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(pid).trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("'processId' is not a number: " + pid);
        }
        Path program = a.get("program") != null ? program(a) : Path.of("/proc/" + p + "/exe").toAbsolutePath();
        if (a.get("program") == null) {
            try {
                program = program.toRealPath();
            } catch (java.io.IOException ex) {
                throw new IllegalArgumentException("no process " + p + " (or it is not readable): give 'program' too");
            }
        }
        return new SessionTarget.Attach(p, program, string(a, "gdbPath"), bool(a, "allowUnsafeCommands"), paths(a));
    }

    /** {@code substitutePath}: a list of {"from": build prefix, "to": local prefix}, as the language server takes it. */
    private static PathMap paths(Map<String, Object> a) {
        Object raw = a.get("substitutePath");
        if (raw == null) {
            return PathMap.NONE;
        }
        if (!(raw instanceof List<?> l)) {
            throw new IllegalArgumentException("'substitutePath' must be a list of {\"from\": path, \"to\": path}");
        }
        List<PathMap.Rule> rules = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("from") instanceof String from) || !(m.get("to") instanceof String to)
                    || from.isBlank() || to.isBlank()) {
                throw new IllegalArgumentException("'substitutePath' entry " + o + " needs non-empty \"from\" and \"to\" strings");
            }
            rules.add(new PathMap.Rule(from, to));
        }
        return new PathMap(rules);
    }

    private static Path program(Map<String, Object> a) {
        String p = string(a, "program");
        if (p == null || p.isBlank()) {
            throw new IllegalArgumentException("'program' is required: the path of the LLGo-built executable");
        }
        return resolve(a, p);
    }

    private static Path resolve(Map<String, Object> a, String p) {
        Path path = Path.of(p);
        String cwd = string(a, "cwd");
        return path.isAbsolute() || cwd == null ? path.toAbsolutePath() : Path.of(cwd).resolve(path);
    }

    private static String string(Map<String, Object> a, String key) {
        Object v = a.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static boolean bool(Map<String, Object> a, String key) {
        Object v = a.get(key);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(String.valueOf(v));
    }
}
