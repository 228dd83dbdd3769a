package dev.llgoframes.dap;

/** DAP memory references: this adapter hands out and accepts "0x"-hex addresses (decimal accepted too). */
final class MemoryReference {
    private MemoryReference() {}

    static long parse(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("a memory reference is required");
        }
        String t = ref.trim();
        try {
            return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a memory reference (an address such as 0x401136): " + ref);
        }
    }

    static String format(long address) {
        return "0x" + Long.toHexString(address);
    }
}
