package dev.llgoframes.dap.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which backend breakpoints implement which client breakpoints, so hits map back and replacements delete. */
final class BreakpointBook {
    enum Kind { SOURCE, FUNCTION, EXCEPTION, ENTRY }

    record Entry(int clientId, Kind kind, String group, List<Integer> backendNumbers, ExceptionFilter filter) {}

    private final Map<Integer, Entry> byBackend = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
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
                return true;
            }
            return false;
        });
        out.forEach(byBackend::remove);
        return out;
    }

    Optional<Entry> byBackendNumber(int n) {
        return Optional.ofNullable(byBackend.get(n));
    }

    void forgetBackendNumber(int n) {
        Entry e = byBackend.remove(n);
        if (e != null && e.kind() == Kind.ENTRY) {
            entries.remove(e);
        }
    }
}
