package dev.llgoframes.core.symbolize;

/**
 * One symbolized pc. function/file/line/entry are null when unknown. {@code llgoFunction} is
 * what LLGo's own runtime would have printed for it (null if nothing), kept when we answer
 * differently; {@code note} says why.
 */
public record SymbolizedPc(long pc, String function, String file, Integer line, Long entry, FrameKind kind,
                           Provenance provenance, String llgoFunction, String note) {
    public boolean resolved() { return function != null; }

    /**
     * The stable JSON shape other tools consume (CLI {@code symbolize --json}, the language
     * server's {@code llgoFrames.symbolize}), in field order; nulls are kept.
     */
    public java.util.Map<String, Object> jsonFields() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("pc", "0x" + Long.toHexString(pc));
        m.put("function", function);
        m.put("file", file);
        m.put("line", line);
        m.put("entry", entry == null ? null : "0x" + Long.toHexString(entry));
        m.put("kind", kind.json());
        m.put("provenance", provenance.json());
        return m;
    }
}
