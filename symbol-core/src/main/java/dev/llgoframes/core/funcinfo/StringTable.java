package dev.llgoframes.core.funcinfo;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

/** String pool + u32 offsets (§3.3). IDs past the end read as "" like the runtime does. */
public final class StringTable {
    private final ByteSlice pool;
    private final ByteSlice offsets;
    private final int count;
    private final String[] cache;

    public StringTable(ByteSlice pool, ByteSlice offsets, int count) throws BinaryFormatException {
        if (count < 0 || (long) count * 4 > offsets.length()) {
            throw offsets.error(0, count + " string offsets do not fit in " + offsets.length() + " bytes");
        }
        this.pool = pool;
        this.offsets = offsets;
        this.count = count;
        this.cache = new String[count];
    }

    public int count() { return count; }

    public String get(long id) throws BinaryFormatException {
        if (id < 0 || id >= count) {
            return "";
        }
        String s = cache[(int) id];
        if (s == null) {
            long off = offsets.u32(4 * id);
            // past the pool the runtime would read whatever follows it; no string is the honest answer,
            // and one damaged offset must not cost the whole table
            s = off >= pool.length() ? "" : pool.cString(off);
            cache[(int) id] = s;
        }
        return s;
    }

    public int poolSize() { return pool.length(); }
}
