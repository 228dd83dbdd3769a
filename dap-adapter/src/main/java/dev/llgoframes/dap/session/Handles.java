package dev.llgoframes.dap.session;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Ids for things that live until the program runs again (frames, variable containers). */
final class Handles<T> {
    private final Map<Integer, T> items = new HashMap<>();
    private int next = 1;

    int add(T item) {
        int id = next++;
        items.put(id, item);
        return id;
    }

    /** Adds an item that needs to know its own id. */
    int add(java.util.function.IntFunction<T> make) {
        int id = next++;
        items.put(id, make.apply(id));
        return id;
    }

    Optional<T> get(int id) {
        return Optional.ofNullable(items.get(id));
    }

    void reset() {
        items.clear();
    }
}
