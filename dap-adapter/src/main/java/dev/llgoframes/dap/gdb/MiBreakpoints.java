package dev.llgoframes.dap.gdb;

import java.util.Collection;
import java.util.stream.Collectors;

/** {@code -break-*} commands. Breakpoints go in by address: the core resolved the location. */
public final class MiBreakpoints {
    private final MiClient mi;

    public MiBreakpoints(MiClient mi) {
        this.mi = mi;
    }

    public GdbBreakpoint insertAt(long address, boolean temporary, String condition) {
        StringBuilder c = new StringBuilder("-break-insert");
        if (temporary) {
            c.append(" -t");
        }
        if (condition != null && !condition.isBlank()) {
            c.append(" -c ").append(MiQuoting.cString(condition));
        }
        c.append(" *").append(MiQuoting.hex(address));
        MiResponse r = mi.call(c.toString());
        MiValue.Tuple b = r.results().tuple("bkpt").orElseThrow(() -> new GdbException("-break-insert gave no bkpt"));
        String addr = b.stringOr("addr", "0");
        long at;
        try {
            at = addr.startsWith("0x") ? MiQuoting.parseAddress(addr) : 0;
        } catch (NumberFormatException e) {
            at = 0;
        }
        return new GdbBreakpoint(Integer.parseInt(b.stringOr("number", "0")), at);
    }

    public void delete(Collection<Integer> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        mi.call("-break-delete " + numbers.stream().map(String::valueOf).collect(Collectors.joining(" ")));
    }
}
