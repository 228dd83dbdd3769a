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

    /** Reads memory; fails with the gdb message when it is not readable. */
    public byte[] read(long address, int length) {
        MiResponse r = mi.call("-data-read-memory-bytes " + MiQuoting.hex(address) + " " + length);
        List<MiValue.Tuple> blocks = MiValue.tuplesOf(r.results().list("memory"));
        List<Byte> bytes = new ArrayList<>();
        for (MiValue.Tuple b : blocks) {
            String hex = b.stringOr("contents", "");
            for (int k = 0; k + 1 < hex.length(); k += 2) {
                bytes.add((byte) Integer.parseInt(hex.substring(k, k + 2), 16));
            }
        }
        if (bytes.size() < length) {
            throw new GdbException("only " + bytes.size() + " of " + length + " bytes readable at " + MiQuoting.hex(address));
        }
        byte[] out = new byte[length];
        for (int k = 0; k < length; k++) {
            out[k] = bytes.get(k);
        }
        return out;
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
