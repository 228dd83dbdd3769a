package dev.llgoframes.dap.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which backend breakpoints implement which client breakpoints, so hits map back and replacements delete. */
final class BreakpointBook {
    enum Kind { SOURCE, FUNCTION, INSTRUCTION, EXCEPTION, ENTRY }

    /** {@code hit} is the parsed hit condition of {@code options} (null: every hit stops). */
    record Entry(int clientId, Kind kind, String group, List<Integer> backendNumbers, ExceptionFilter filter,
                 BreakpointOptions options, HitCondition hit) {
        Entry(int clientId, Kind kind, String group, List<Integer> backendNumbers, ExceptionFilter filter) {
            this(clientId, kind, group, backendNumbers, filter, BreakpointOptions.NONE, null);
        }
    }

    private final Map<Integer, Entry> byBackend = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Integer, Long> hits = new HashMap<>();
    private int nextId = 1;

    int newId() {
        return nextId++;
    }

    void add(Entry e) {
        entries.add(e);
        for (int n : e.backendNumbers()) {
            byBackend.put(n, e);
        }
    }

    /** Removes a group (one source file, all function breakpoints…) and returns its backend numbers. */
    List<Integer> removeGroup(Kind kind, String group) {
        List<Integer> out = new ArrayList<>();
        entries.removeIf(e -> {
            if (e.kind() == kind && e.group().equals(group)) {
                out.addAll(e.backendNumbers());
                hits.remove(e.clientId());
                return true;
            }
            return false;
        });
        out.forEach(byBackend::remove);
        return out;
    }

    /** Forgets every backend breakpoint and hit count (the backend is being replaced); client ids keep counting. */
    void clear() {
        entries.clear();
        byBackend.clear();
        hits.clear();
    }

    Optional<Entry> byBackendNumber(int n) {
        return Optional.ofNullable(byBackend.get(n));
    }

    /** Counts a hit of a client breakpoint (its condition held) and returns the count, from 1. */
    long countHit(Entry e) {
        return hits.merge(e.clientId(), 1L, Long::sum);
    }

    void forgetBackendNumber(int n) {
        Entry e = byBackend.remove(n);
        if (e != null && e.kind() == Kind.ENTRY) {
            entries.remove(e);
        }
    }
}
