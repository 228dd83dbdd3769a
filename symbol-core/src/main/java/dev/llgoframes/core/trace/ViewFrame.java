package dev.llgoframes.core.trace;

/**
 * A frame of a view (LLGo-shaped or gc-shaped).
 *
 * @param pc     the pc the frame was resolved from: a return address, or fault pc + 1 for a faulting frame
 * @param offset pc − entry as it would be printed after {@code +}
 * @param note   why the frame looks the way it does (LLGo's own name, dropped neighbours, …); null if nothing
 */
public record ViewFrame(String function, String file, Integer line, Long pc, Long entry, Long offset,
        FrameKind kind, Provenance provenance, String note) {

    public ViewFrame withFunction(String f) {
        return new ViewFrame(f, file, line, pc, entry, offset, kind, provenance, note);
    }

    public ViewFrame withNote(String extra) {
        if (extra == null || extra.isEmpty()) return this;
        String n = note == null || note.isEmpty() ? extra : note + "; " + extra;
        return new ViewFrame(function, file, line, pc, entry, offset, kind, provenance, n);
    }
}
