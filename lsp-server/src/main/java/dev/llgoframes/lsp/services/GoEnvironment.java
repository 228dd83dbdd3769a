package dev.llgoframes.lsp.services;

import dev.llgoframes.core.paths.GoPaths;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The local Go installation as far as paths go: GOROOT (`go env GOROOT`, $GOROOT, usual places; the
 * same rules as the CLI, from the core's GoPaths) and the module cache ($GOMODCACHE, $GOPATH/pkg/mod, ~/go/pkg/mod).
 * Detection runs a process, so it happens once and off the JSON-RPC thread.
 */
public final class GoEnvironment {
    private final Map<String, String> env;
    private volatile Optional<Path> detectedGoroot;

    public GoEnvironment(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static GoEnvironment system() { return new GoEnvironment(System.getenv()); }

    /** The configured GOROOT when set, else the detected one. */
    public Optional<Path> goroot(Settings settings) {
        if (settings.goroot() != null) return Optional.of(Path.of(settings.goroot()));
        Optional<Path> d = detectedGoroot;
        if (d == null) {
            synchronized (this) {
                if (detectedGoroot == null) detectedGoroot = detect();
                d = detectedGoroot;
            }
        }
        return d;
    }

    public Optional<Path> moduleCache() {
        return GoPaths.moduleCache(env);
    }

    private Optional<Path> detect() {
        return GoPaths.detectGoroot(env);
    }
}
