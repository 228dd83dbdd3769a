package dev.llgoframes.core.symbolize;

/**
 * One symbolized pc. function/file/line/entry are null when unknown. {@code llgoFunction} is
 * what LLGo's own runtime would have printed for it (null if nothing), kept when we answer
 * differently; {@code note} says why.
 */
public record SymbolizedPc(long pc, String function, String file, Integer line, Long entry, FrameKind kind,
                           Provenance provenance, String llgoFunction, String note) {
    public boolean resolved() { return function != null; }
}
