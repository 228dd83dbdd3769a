package dev.llgoframes.core.paths;

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
 * Where a Go installation keeps its sources on this machine: GOROOT (`go env GOROOT`, then
 * $GOROOT, then the usual install places) and the module cache ($GOMODCACHE, $GOPATH/pkg/mod,
 * ~/go/pkg/mod). Shared by the CLI and the language server so both map paths the same way.
 */
public final class GoPaths {
    private GoPaths() {}

    /** Detects GOROOT; runs `go env GOROOT` (bounded to 5 s), so callers cache the answer. */
    public static Optional<Path> detectGoroot(Map<String, String> env) {
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
        if (g != null && !g.isBlank() && Files.isDirectory(Path.of(g))) {
            return Optional.of(Path.of(g));
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        for (String c : List.of("/usr/local/go", "/usr/lib/go", "/opt/go", home + "/go/root")) {
            if (Files.isDirectory(Path.of(c, "src", "runtime"))) {
                return Optional.of(Path.of(c));
            }
        }
        return Optional.empty();
    }

    public static Optional<Path> moduleCache(Map<String, String> env) {
        String m = env.get("GOMODCACHE");
        if (m != null && !m.isBlank()) {
            return Optional.of(Path.of(m));
        }
        String gp = env.get("GOPATH");
        if (gp != null && !gp.isBlank()) {
            String first = gp.split(java.io.File.pathSeparator)[0];
            if (!first.isBlank()) {
                return Optional.of(Path.of(first, "pkg", "mod"));
            }
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return home == null ? Optional.empty() : Optional.of(Path.of(home, "go", "pkg", "mod"));
    }

    /** The GOROOT a trace was built with: the part of a path before /src/runtime/. */
    public static Optional<String> gorootOf(String file) {
        if (file == null) {
            return Optional.empty();
        }
        int i = file.indexOf("/src/runtime/");
        return i > 0 ? Optional.of(file.substring(0, i)) : Optional.empty();
    }
}
