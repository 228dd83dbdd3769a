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

    /**
     * A frame's arguments and locals from DWARF (empty without debug info). Simple values only:
     * aggregates come back without a value, so a huge array never floods the pipe.
     */
    public List<dev.llgoframes.dap.session.Variable> variables(int threadId, int frameLevel) {
        MiResponse r = mi.call("-stack-list-variables --thread " + threadId + " --frame " + frameLevel + " --simple-values");
        List<dev.llgoframes.dap.session.Variable> out = new ArrayList<>();
        for (MiValue.Tuple v : MiValue.tuplesOf(r.results().list("variables"))) {
            String value = v.string("value").orElseGet(() -> "{" + v.stringOr("type", "?") + "}");
            out.add(new dev.llgoframes.dap.session.Variable(v.stringOr("name", "?"), value, 0));
        }
        return out;
    }

    /** Number of frames, counting at most {@code max}. */
    public int depth(int threadId, int max) {
        MiResponse r = mi.call("-stack-info-depth --thread " + threadId + " " + max);
        return Integer.parseInt(r.results().stringOr("depth", "0"));
    }
}
