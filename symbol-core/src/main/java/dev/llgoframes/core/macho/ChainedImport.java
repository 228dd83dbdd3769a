package dev.llgoframes.core.macho;

/**
 * One entry of the chained-fixup imports table. {@code libOrdinal} is sign-extended: 0 = this
 * image, -1 = main executable, -2 = flat lookup, -3 = weak lookup, &gt; 0 = a dependent dylib.
 */
public record ChainedImport(int libOrdinal, boolean weak, String rawName, long addend) {
    /** A bind that dyld can satisfy from the executable itself (before any dylib is consulted). */
    public boolean mayBindToSelf() { return libOrdinal <= 0; }
}
