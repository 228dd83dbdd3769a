package dev.llgoframes.core.sidecar;

import java.nio.file.Path;

/**
 * What became of looking for {@code <exe>.pclntab}. Never an exception: each outcome tells the
 * user which file and what is wrong, and whether LLGo's runtime would have used it.
 */
public sealed interface SidecarResult {
    Path path();

    /** Human-readable one-liner for inspect and hovers. */
    String describe();

    record Loaded(Path path, Sidecar sidecar) implements SidecarResult {
        public String describe() { return path + ": sidecar v4 loaded and paired"; }
    }

    /** No file at the expected place. */
    record Missing(Path path) implements SidecarResult {
        public String describe() { return path + ": missing (external-mode binary without its sidecar)"; }
    }

    /** A valid sidecar of another build: identity differs from the executable's. */
    record Stale(Path path, String reason) implements SidecarResult {
        public String describe() { return path + ": stale: " + reason; }
    }

    /** Unreadable or failing one of the runtime's checks (§5.6). */
    record Corrupt(Path path, String reason) implements SidecarResult {
        public String describe() { return path + ": corrupt: " + reason; }
    }
}
