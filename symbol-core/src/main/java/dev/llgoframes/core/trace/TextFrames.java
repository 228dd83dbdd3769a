package dev.llgoframes.core.trace;

/** Printed frames as view frames when no binary is available: everything comes from the text. */
public final class TextFrames {
    private TextFrames() {}

    public static ViewFrame of(TraceFrame f) {
        String file = f.hasSourceFile() ? f.file() : null;
        Integer line = file != null ? f.line() : null;
        return new ViewFrame(f.function(), file, line, pcOf(f), null, f.offset(), GoNames.kindOf(f.function()),
                Provenance.TEXT, null);
    }

    /**
     * The pc a printed frame stands for, where the text alone tells it: the clite {@code [0x…} value,
     * {@code pc=0x…} location lines (printed as pc − 1, §9.3) and {@code pc=0x…()} names (§9.2, §9.5).
     */
    static Long pcOf(TraceFrame f) {
        if (f.syntax() == FrameSyntax.CLITE) return f.printedPc();
        if (f.printedPc() != null && f.file() == null) return f.printedPc() + 1;
        String n = f.function();
        if (n != null && n.startsWith("pc=0x")) return Text.hex0x(n, 3, n.length());
        return null;
    }
}
