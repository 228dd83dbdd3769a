package dev.llgoframes.dap.session;

import dev.llgoframes.core.symbolize.FrameKind;

/**
 * What the user sees for one pc: a name, a source position when the core knows one, the kind
 * of code and a note when the answer needs explaining. {@code inExecutable} is false for
 * shared libraries, whose names come from the backend.
 */
public record FrameDescription(String name, String file, Integer line, FrameKind kind, boolean inExecutable,
                               String note) {
    public boolean isRuntime() { return kind == FrameKind.RUNTIME; }
}
