package dev.llgoframes.dap.gdb;

import java.util.ArrayList;
import java.util.List;

/** {@code -stack-*} commands. */
public final class MiStack {
    private final MiClient mi;

    public MiStack(MiClient mi) {
        this.mi = mi;
    }

    /** Frames low..high (inclusive) of a thread. */
    public List<GdbFrame> listFrames(int threadId, int low, int high) {
        MiResponse r = mi.call("-stack-list-frames --thread " + threadId + " " + low + " " + high);
        List<GdbFrame> out = new ArrayList<>();
        for (MiValue.Tuple f : MiValue.tuplesOf(r.results().list("stack"))) {
            String addr = f.stringOr("addr", "");
            long pc;
            try {
                pc = addr.isEmpty() || addr.startsWith("<") ? 0 : MiQuoting.parseAddress(addr);
            } catch (NumberFormatException e) {
                pc = 0;
            }
            out.add(new GdbFrame(Integer.parseInt(f.stringOr("level", "0")), pc,
                    f.stringOr("func", null), f.stringOr("from", null)));
        }
        return out;
    }

    /** Number of frames, counting at most {@code max}. */
    public int depth(int threadId, int max) {
        MiResponse r = mi.call("-stack-info-depth --thread " + threadId + " " + max);
        return Integer.parseInt(r.results().stringOr("depth", "0"));
    }
}
