package dev.llgoframes.core.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns resolved paths so rows store a small int instead of a String per row. */
final class FileRegistry {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> paths = new ArrayList<>();

    int idOf(String path) {
        return ids.computeIfAbsent(path, p -> {
            paths.add(p);
            return paths.size() - 1;
        });
    }

    String path(int id) { return paths.get(id); }

    int size() { return paths.size(); }

    List<String> paths() { return paths; }
}
