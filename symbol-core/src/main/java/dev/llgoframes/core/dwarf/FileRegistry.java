package dev.llgoframes.core.dwarf;

import dev.llgoframes.core.io.BinaryFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns resolved paths so rows store a small int instead of a String per row. Joining a
 * directory and a name copies both, so a hostile table (one huge directory shared by many
 * files) could multiply its size; a budget on the characters joined keeps that proportional
 * to the input.
 */
final class FileRegistry {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> paths = new ArrayList<>();
    private long budget;

    FileRegistry(long inputBytes) {
        this.budget = 4 * inputBytes + (16 << 20);
    }

    int idOf(String path, DwarfCursor at, long atPos) throws BinaryFormatException {
        budget -= path.length();
        if (budget < 0) {
            throw at.error(atPos, "file paths add up to far more text than the input holds; refusing to continue");
        }
        Integer id = ids.get(path);
        if (id == null) {
            id = paths.size();
            paths.add(path);
            ids.put(path, id);
        }
        return id;
    }

    List<String> paths() { return paths; }
}
