package dev.llgoframes.lsp.services;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a printed {@code file:line} was found, or why it was not.
 *
 * @param path  the existing local file (real path), null when unresolved
 * @param how   which rule found it ("as printed", "substitutePath /a → /b", …), null when unresolved
 * @param tried one line per rule that was tried and failed, in order: the hover explains a missing link with it
 */
public record Resolution(Path path, String how, List<String> tried, String uri) {
    public Resolution {
        tried = List.copyOf(tried);
    }

    /** Computes the URI once: {@code Path.toUri} stats the file, and a trace names one file thousands of times. */
    public Resolution(Path path, String how, List<String> tried) {
        this(path, how, tried, path == null ? null : Uris.of(path));
    }

    public String uriWithLine(int line) { return uri + "#L" + line; }

    public boolean resolved() { return path != null; }

    public static Resolution unresolved(List<String> tried) { return new Resolution(null, null, tried); }
}
