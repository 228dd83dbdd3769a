package dev.llgoframes.dap.session;

/** A run of readable bytes starting at {@code address}. */
public record MemoryBlock(long address, byte[] bytes) {
    public long end() { return address + bytes.length; }
}
