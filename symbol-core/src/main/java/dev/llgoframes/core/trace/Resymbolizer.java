package dev.llgoframes.core.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Recovers the pc behind every printed LLGo frame and asks the binary what is really there
 * (spec section R): pc = entry(printed function) + printed offset; {@code pc=0x…} lines: value + 1;
 * clite lines: the printed pc. All of them are then resolved with the pc − 1 rule, which also lands a
 * fault traceback's frame 0 (stored as fault pc + 1) on the faulting instruction.
 */
public final class Resymbolizer {
    private final PcResolver resolver;

    public Resymbolizer(PcResolver resolver) {
        this.resolver = resolver;
    }

    public List<ViewFrame> frames(List<TraceFrame> printed) {
        List<ViewFrame> out = new ArrayList<>(printed.size());
        for (TraceFrame f : printed) out.add(frame(f));
        return out;
    }

    public ViewFrame frame(TraceFrame f) {
        ViewFrame text = TextFrames.of(f);
        Long pc = pcOf(f);
        if (pc == null) return text.withNote("pc unknown: not re-symbolized");
        Optional<ResolvedPc> r = resolver.resolve(pc, true);
        if (r.isEmpty()) {
            return new ViewFrame(text.function(), text.file(), text.line(), pc, null, text.offset(), text.kind(),
                    Provenance.TEXT, "pc " + Text.hex(pc) + " not resolved");
        }
        ResolvedPc a = r.get();
        String note = null;
        if (a.function() != null && !a.function().equals(f.function())) {
            note = "LLGo printed " + f.function() + (f.syntax() == FrameSyntax.CLITE ? "" : "(...)");
        }
        String fn = a.function() != null ? a.function() : f.function();
        // Boxed on both sides: a frame printed without an offset (pc=0x… lines) whose resolver
        // answer has no entry, or an entry above the pc, keeps a null offset.
        Long offset = a.entry() != null && Long.compareUnsigned(pc, a.entry()) >= 0 ? Long.valueOf(pc - a.entry()) : f.offset();
        ViewFrame v = new ViewFrame(fn, a.file(), a.line(), pc, a.entry(), offset, a.kind(), a.provenance(), note);
        if (f.syntax() == FrameSyntax.CLITE && (pc >>> 32) == 0) {
            v = v.withNote("clite pc is the low 32 bits only");
        }
        return v;
    }

    /** The pc a printed frame stands for, or null when the text does not pin it down. */
    Long pcOf(TraceFrame f) {
        Long direct = TextFrames.pcOf(f);
        if (direct != null) return direct;
        if (f.offset() == null || f.function() == null) return null;
        OptionalLong entry = resolver.entryOf(f.function());
        return entry.isPresent() ? entry.getAsLong() + f.offset() : null;
    }
}
