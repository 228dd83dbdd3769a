package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.resolve.PcLineTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Reverse maps from source to statement anchors, for debuggers: which lines of a file have
 * anchors (where a breakpoint can bind without DWARF), the next anchored line, the anchors of
 * one function, and which table file a client path means (suffix match, ambiguity reported).
 */
public final class SourceAnchors {
    private final Map<String, NavigableMap<Integer, List<Long>>> byFile = new HashMap<>();
    private final Map<Long, List<PcLineTable.Anchor>> byEntry = new HashMap<>();

    public SourceAnchors(PcLineTable table) {
        for (PcLineTable.Anchor a : table.anchors()) {
            byFile.computeIfAbsent(a.file(), f -> new TreeMap<>()).computeIfAbsent(a.line(), l -> new ArrayList<>()).add(a.pc());
            byEntry.computeIfAbsent(a.entry(), e -> new ArrayList<>()).add(a);
        }
    }

    /** Table files that a client path names: exact, else every file ending with it on a '/' boundary. */
    public List<String> filesMatching(String clientPath) {
        if (byFile.containsKey(clientPath)) {
            return List.of(clientPath);
        }
        List<String> out = new ArrayList<>();
        String p = clientPath;
        while (out.isEmpty() && p.contains("/")) {
            for (String f : byFile.keySet()) {
                if (Symbolizer.pathMatches(f, p)) {
                    out.add(f);
                }
            }
            if (out.isEmpty()) {
                p = p.substring(p.indexOf('/') + 1);   // drop a leading directory: build paths differ
            }
        }
        if (out.isEmpty()) {
            for (String f : byFile.keySet()) {
                if (Symbolizer.pathMatches(f, p)) {
                    out.add(f);
                }
            }
        }
        out.sort(null);
        return out;
    }

    public boolean hasAnchors() {
        return !byFile.isEmpty();
    }

    public List<Integer> anchoredLines(String tableFile) {
        NavigableMap<Integer, List<Long>> m = byFile.get(tableFile);
        return m == null ? List.of() : List.copyOf(m.keySet());
    }

    /** The first anchored line at or after {@code line}, at most {@code maxDistance} lines below. */
    public OptionalInt nextAnchoredLine(String tableFile, int line, int maxDistance) {
        NavigableMap<Integer, List<Long>> m = byFile.get(tableFile);
        if (m == null) {
            return OptionalInt.empty();
        }
        Integer l = m.ceilingKey(line);
        return l != null && l - line <= maxDistance ? OptionalInt.of(l) : OptionalInt.empty();
    }

    public List<Long> pcs(String tableFile, int line) {
        NavigableMap<Integer, List<Long>> m = byFile.get(tableFile);
        List<Long> pcs = m == null ? null : m.get(line);
        return pcs == null ? List.of() : List.copyOf(pcs);
    }

    /** Anchors of the function with this entry, in pc order. */
    public List<PcLineTable.Anchor> anchorsOf(long entry) {
        List<PcLineTable.Anchor> a = byEntry.get(entry);
        return a == null ? List.of() : List.copyOf(a);
    }
}
