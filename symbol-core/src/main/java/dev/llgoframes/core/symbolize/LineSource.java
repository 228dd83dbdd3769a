package dev.llgoframes.core.symbolize;

import java.util.List;
import java.util.Optional;

/** Instruction-level line information (DWARF), when the binary has it. */
public interface LineSource {
    Optional<SourceLine> lookup(long pc);

    List<Long> addressesFor(String file, int line);

    LineSource NONE = new LineSource() {
        @Override public Optional<SourceLine> lookup(long pc) { return Optional.empty(); }

        @Override public List<Long> addressesFor(String file, int line) { return List.of(); }
    };
}
