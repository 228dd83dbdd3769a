package dev.llgoframes.core.resolve;

/** The runtime's symbol answer (§6.4): empty strings and zeros mean "unknown". */
public record Sym(long pc, long entry, String function, String file, int line, int startLine, boolean ok) {
    public static final Sym NONE = new Sym(0, 0, "", "", 0, 0, false);

    public Sym withPc(long newPc) {
        return new Sym(newPc, entry, function, file, line, startLine, ok);
    }

    /** Fills this answer's empty fields from {@code base} (runtime merge). */
    public Sym mergedOver(Sym base) {
        return new Sym(pc,
                entry != 0 ? entry : base.entry,
                !function.isEmpty() ? function : base.function,
                !file.isEmpty() ? file : base.file,
                line != 0 ? line : base.line,
                startLine != 0 ? startLine : base.startLine,
                true);
    }
}
