package dev.llgoframes.dap.gdb;

import java.util.ArrayList;
import java.util.List;

/** {@code -thread-*} commands. */
public final class MiThreads {
    private final MiClient mi;

    public MiThreads(MiClient mi) {
        this.mi = mi;
    }

    public List<GdbThread> list() {
        MiResponse r = mi.call("-thread-info");
        List<GdbThread> out = new ArrayList<>();
        for (MiValue.Tuple t : MiValue.tuplesOf(r.results().list("threads"))) {
            out.add(new GdbThread(Integer.parseInt(t.stringOr("id", "0")), t.stringOr("target-id", ""),
                    t.stringOr("name", null), t.stringOr("state", "")));
        }
        return out;
    }
}
