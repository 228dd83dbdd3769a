package dev.llgoframes.core.panic;

/**
 * A stopped process's memory as the panic readers need it: little-endian words of a 64-bit
 * target. Implementations throw {@link MemoryReadException} for an unreadable address; the
 * readers turn that into "no state" rather than guessing.
 */
public interface ProcessMemory {

    byte[] read(long address, int length);

    /** True if one byte at the address can be read (the runtime's {@code llgo_mem_readable}). */
    boolean readable(long address);

    default long readWord(long address) {
        byte[] b = read(address, 8);
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = (v << 8) | (b[k] & 0xff);
        }
        return v;
    }

    default int readInt(long address) {
        byte[] b = read(address, 4);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }
}
