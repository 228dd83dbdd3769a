package dev.llgoframes.dap.gdb;

import dev.llgoframes.dap.session.RawInstruction;

import java.util.ArrayList;
import java.util.List;

/** {@code -data-disassemble} with raw opcodes (mode 2): a whole function or an address range. */
public final class MiDisassemble {
    private final MiClient mi;

    public MiDisassemble(MiClient mi) {
        this.mi = mi;
    }

    /** The function gdb finds around the address; fails when no symbol covers it. */
    public List<RawInstruction> function(long address) {
        return parse(mi.call("-data-disassemble -a " + MiQuoting.hex(address) + " -- 2"));
    }

    /** Instructions decoded from start up to (not including) end. */
    public List<RawInstruction> range(long start, long end) {
        return parse(mi.call("-data-disassemble -s " + MiQuoting.hex(start) + " -e " + MiQuoting.hex(end) + " -- 2"));
    }

    static List<RawInstruction> parse(MiResponse r) {
        List<RawInstruction> out = new ArrayList<>();
        for (MiValue.Tuple t : MiValue.tuplesOf(r.results().list("asm_insns"))) {
            long address;
            try {
                address = MiQuoting.parseAddress(t.stringOr("address", ""));
            } catch (NumberFormatException e) {
                continue;
            }
            out.add(new RawInstruction(address, opcodes(t.stringOr("opcodes", "")), t.stringOr("inst", "").trim(),
                    t.string("func-name").orElse(null)));
        }
        return out;
    }

    private static byte[] opcodes(String hex) {
        String[] parts = hex.trim().isEmpty() ? new String[0] : hex.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int k = 0; k < parts.length; k++) {
            b[k] = (byte) Integer.parseInt(parts[k], 16);
        }
        return b;
    }
}
