package dev.llgoframes.dap.gdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code -data-*} commands: expressions, registers, memory. */
public final class MiData {
    private final MiClient mi;

    public MiData(MiClient mi) {
        this.mi = mi;
    }

    public String evaluate(String expression, Integer threadId, Integer frameLevel) {
        StringBuilder c = new StringBuilder("-data-evaluate-expression");
        if (threadId != null) {
            c.append(" --thread ").append(threadId);
        }
        if (frameLevel != null) {
            c.append(" --frame ").append(frameLevel);
        }
        c.append(' ').append(MiQuoting.cString(expression));
        return mi.call(c.toString()).results().stringOr("value", "");
    }

    /** Register names by number; unnamed (empty) slots are dropped. */
    public Map<Integer, String> registerNames() {
        MiResponse r = mi.call("-data-list-register-names");
        Map<Integer, String> out = new LinkedHashMap<>();
        List<MiValue> names = r.results().list("register-names");
        for (int k = 0; k < names.size(); k++) {
            if (names.get(k) instanceof MiValue.Const c && !c.text().isEmpty()) {
                out.put(k, c.text());
            }
        }
        return out;
    }

    /** Values (natural format) of the given registers in one frame. */
    public Map<Integer, String> registerValues(int threadId, int frameLevel, List<Integer> numbers) {
        StringBuilder c = new StringBuilder("-data-list-register-values --thread " + threadId + " --frame " + frameLevel + " N");
        for (int n : numbers) {
            c.append(' ').append(n);
        }
        MiResponse r = mi.call(c.toString());
        Map<Integer, String> out = new LinkedHashMap<>();
        for (MiValue.Tuple t : MiValue.tuplesOf(r.results().list("register-values"))) {
            out.put(Integer.parseInt(t.stringOr("number", "-1")), t.stringOr("value", ""));
        }
        return out;
    }

    /** Reads memory; fails with the gdb message when it is not all readable. */
    public byte[] read(long address, int length) {
        List<dev.llgoframes.dap.session.MemoryBlock> blocks = readBlocks(address, length);
        if (blocks.isEmpty() || blocks.get(0).address() != address || blocks.get(0).bytes().length < length) {
            int got = blocks.isEmpty() || blocks.get(0).address() != address ? 0 : blocks.get(0).bytes().length;
            throw new GdbException("only " + got + " of " + length + " bytes readable at " + MiQuoting.hex(address));
        }
        return java.util.Arrays.copyOf(blocks.get(0).bytes(), length);
    }

    /**
     * The readable parts of a range as gdb reports them (it skips unreadable pages); fails when
     * nothing at all, or the range's start and end both, cannot be read.
     */
    public List<dev.llgoframes.dap.session.MemoryBlock> readBlocks(long address, int length) {
        MiResponse r = mi.call("-data-read-memory-bytes " + MiQuoting.hex(address) + " " + length);
        List<dev.llgoframes.dap.session.MemoryBlock> out = new ArrayList<>();
        for (MiValue.Tuple b : MiValue.tuplesOf(r.results().list("memory"))) {
            String hex = b.stringOr("contents", "");
            byte[] bytes = new byte[hex.length() / 2];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) Integer.parseInt(hex.substring(2 * k, 2 * k + 2), 16);
            }
            long begin = MiQuoting.parseAddress(b.stringOr("begin", "0")) + MiQuoting.parseAddress(b.stringOr("offset", "0"));
            int keep = bytes.length;
            // gdb 13 ends a block cut short by an unmapped page one byte too late, with a garbage byte
            // (holes start on page boundaries): keep that byte only if gdb can read it on its own
            if (keep > 0 && Long.remainderUnsigned(begin + keep, 4096) == 1 && !byteReadable(begin + keep - 1)) {
                keep--;
            }
            if (keep > 0) {
                out.add(new dev.llgoframes.dap.session.MemoryBlock(begin, java.util.Arrays.copyOf(bytes, keep)));
            }
        }
        return out;
    }

    private boolean byteReadable(long address) {
        try {
            mi.call("-data-read-memory-bytes " + MiQuoting.hex(address) + " 1");
            return true;
        } catch (MiCommandException e) {
            return false;
        }
    }

    /** A little-endian 64-bit word. */
    public long readWord(long address) {
        byte[] b = read(address, 8);
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = (v << 8) | (b[k] & 0xff);
        }
        return v;
    }
}
