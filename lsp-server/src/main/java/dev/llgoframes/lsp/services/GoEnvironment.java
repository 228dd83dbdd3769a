package dev.llgoframes.lsp.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local Go installation as far as paths go: GOROOT (`go env GOROOT`, $GOROOT, usual places; the
 * same order as the CLI's GorootLocator) and the module cache ($GOMODCACHE, $GOPATH/pkg/mod, ~/go/pkg/mod).
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
        String m = env.get("GOMODCACHE");
        if (m != null && !m.isBlank()) return Optional.of(Path.of(m));
        String gp = env.get("GOPATH");
        if (gp != null && !gp.isBlank()) {
            String first = gp.split(java.io.File.pathSeparator)[0];
            if (!first.isBlank()) return Optional.of(Path.of(first, "pkg", "mod"));
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return home == null ? Optional.empty() : Optional.of(Path.of(home, "go", "pkg", "mod"));
    }

    private Optional<Path> detect() {
        try {
            Process p = new ProcessBuilder("go", "env", "GOROOT").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() && Files.isDirectory(Path.of(out))) {
                    return Optional.of(Path.of(out));
                }
            } finally {
                p.destroy();
            }
        } catch (IOException e) {
            // no go on PATH: fall through to the environment and the usual places
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String g = env.get("GOROOT");
        if (g != null && Files.isDirectory(Path.of(g))) return Optional.of(Path.of(g));
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        for (String c : List.of("/usr/local/go", "/usr/lib/go", "/opt/go", home + "/go/root")) {
            if (Files.isDirectory(Path.of(c, "src", "runtime"))) return Optional.of(Path.of(c));
        }
        return Optional.empty();
    }
}
