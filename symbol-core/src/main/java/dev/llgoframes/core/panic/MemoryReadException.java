package dev.llgoframes.core.panic;

/** An address of the process could not be read. */
public final class MemoryReadException extends RuntimeException {
    private final long address;

    public MemoryReadException(long address, String detail) {
        super("cannot read 0x" + Long.toHexString(address) + (detail == null ? "" : ": " + detail));
        this.address = address;
    }

    public long address() { return address; }
}
