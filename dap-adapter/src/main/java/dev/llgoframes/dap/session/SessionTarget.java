package dev.llgoframes.dap.session;

import dev.llgoframes.core.paths.PathMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What to debug and how. */
public sealed interface SessionTarget permits SessionTarget.Launch, SessionTarget.Attach, SessionTarget.Core {
    Path program();

    String gdbPath();

    boolean allowUnsafeCommands();

    /** substitutePath: build paths in the tables to local paths. */
    PathMap paths();

    record Launch(Path program, List<String> args, Path cwd, Map<String, String> env, boolean stopOnEntry,
                  String gdbPath, boolean allowUnsafeCommands, PathMap paths) implements SessionTarget {}

    record Attach(long pid, Path program, String gdbPath, boolean allowUnsafeCommands, PathMap paths) implements SessionTarget {}

    record Core(Path program, Path coreFile, String gdbPath, boolean allowUnsafeCommands, PathMap paths)
            implements SessionTarget {}
}
