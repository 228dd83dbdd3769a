package dev.llgoframes.lsp.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads single lines of source files for hovers and diagnostic ranges; small LRU keyed by file stamp. */
public final class SourceLines {
    private static final long MAX_FILE = 16L << 20;
    private static final int MAX_FILES = 64;

    private record Entry(FileStamp stamp, List<String> lines) {}

    private final Map<Path, Entry> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Entry> e) { return size() > MAX_FILES; }
    };

    /** Line {@code line} (1-based) without its terminator; empty when the file or line is not there. */
    public Optional<String> line(Path file, int line) {
        if (file == null || line < 1) return Optional.empty();
        Optional<FileStamp> stamp = FileStamp.of(file);
        if (stamp.isEmpty() || stamp.get().size() > MAX_FILE) return Optional.empty();
        Entry e;
        synchronized (cache) {
            e = cache.get(file);
        }
        if (e == null || !e.stamp().equals(stamp.get())) {
            try {
                // Malformed UTF-8 must not fail a hover: decode leniently.
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                e = new Entry(stamp.get(), text.lines().toList());
            } catch (IOException | SecurityException x) {
                return Optional.empty();
            }
            synchronized (cache) {
                cache.put(file, e);
            }
        }
        return line <= e.lines().size() ? Optional.of(e.lines().get(line - 1)) : Optional.empty();
    }
}
