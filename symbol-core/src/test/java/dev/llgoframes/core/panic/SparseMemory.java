package dev.llgoframes.core.panic;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** §12.4's process-memory fixture: a sparse map address → byte; anything unset is unreadable. */
final class SparseMemory implements ProcessMemory {
    private final Map<Long, Byte> bytes = new HashMap<>();

    SparseMemory word(long address, long value) {
        for (int k = 0; k < 8; k++) {
            bytes.put(address + k, (byte) (value >>> (8 * k)));
        }
        return this;
    }

    SparseMemory int32(long address, int value) {
        for (int k = 0; k < 4; k++) {
            bytes.put(address + k, (byte) (value >>> (8 * k)));
        }
        return this;
    }

    SparseMemory text(long address, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int k = 0; k < b.length; k++) {
            bytes.put(address + k, b[k]);
        }
        return this;
    }

    /** A zeroed range (a g or a store before the runtime writes it). */
    SparseMemory zero(long address, int length) {
        for (int k = 0; k < length; k++) {
            bytes.put(address + k, (byte) 0);
        }
        return this;
    }

    @Override
    public byte[] read(long address, int length) {
        byte[] out = new byte[length];
        for (int k = 0; k < length; k++) {
            Byte b = bytes.get(address + k);
            if (b == null) {
                throw new MemoryReadException(address + k, "not in the fixture");
            }
            out[k] = b;
        }
        return out;
    }

    @Override
    public boolean readable(long address) {
        return bytes.containsKey(address);
    }
}
