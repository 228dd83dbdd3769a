package dev.llgoframes.lsp.services;

import java.util.List;

/**
 * The {@code llgoFrames} configuration section, from {@code initializationOptions} or
 * {@code workspace/didChangeConfiguration}; one shape for both.
 *
 * @param binaries       executables (paths or globs, relative to the first workspace folder)
 * @param substitutePath build-path prefix rewrites, first match wins
 * @param goroot         local GOROOT; null: detected
 * @param diagnostics    whether Go sources get diagnostics from open traces
 * @param problems       what was wrong with the input (reported once to the client, then ignored)
 */
public record Settings(List<String> binaries, List<Substitution> substitutePath, String goroot, boolean diagnostics,
        List<String> problems) {

    public record Substitution(String from, String to) {}

    public static final Settings DEFAULT = new Settings(List.of(), List.of(), null, true, List.of());

    public Settings {
        binaries = List.copyOf(binaries);
        substitutePath = List.copyOf(substitutePath);
        problems = List.copyOf(problems);
    }
}
