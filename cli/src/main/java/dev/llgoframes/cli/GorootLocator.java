package dev.llgoframes.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds the local GOROOT: `go env GOROOT`, then $GOROOT, then common install locations. */
final class GorootLocator {
    private GorootLocator() {}

    static Optional<String> detect() {
        try {
            Process p = new ProcessBuilder("go", "env", "GOROOT").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() && Files.isDirectory(Path.of(out))) {
                    return Optional.of(out);
                }
            } finally {
                p.destroy();
            }
        } catch (IOException e) {
            // no go binary: fall through to the environment and the usual places
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String env = System.getenv("GOROOT");
        if (env != null && Files.isDirectory(Path.of(env))) {
            return Optional.of(env);
        }
        for (String c : List.of("/usr/local/go", "/usr/lib/go", "/opt/go", System.getProperty("user.home") + "/go/root")) {
            if (Files.isDirectory(Path.of(c, "src", "runtime"))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The GOROOT a trace was built with: the part of a path before /src/runtime/ or /src/<stdlib pkg>/. */
    static Optional<String> fromPath(String file) {
        if (file == null) {
            return Optional.empty();
        }
        int i = file.indexOf("/src/runtime/");
        return i > 0 ? Optional.of(file.substring(0, i)) : Optional.empty();
    }
}
