package dev.llgoframes.core.funcinfo;

import java.nio.charset.StandardCharsets;

/** The FNV-1a variants LLGo uses for IDs and hashes (§2.3). */
public final class Fnv {
    private static final long BASIS64 = 0xcbf29ce484222325L;
    private static final long PRIME64 = 0x100000001b3L;
    private static final int BASIS32 = 0x811c9dc5;
    private static final int PRIME32 = 0x01000193;

    private Fnv() {}

    public static long fnv1a64(byte[] bytes, int from, int to, long h) {
        for (int i = from; i < to; i++) {
            h = (h ^ (bytes[i] & 0xff)) * PRIME64;
        }
        return h;
    }

    public static long fnv1a64(byte[] bytes) {
        return fnv1a64(bytes, 0, bytes.length, BASIS64);
    }

    public static int fnv1a32(byte[] bytes) {
        int h = BASIS32;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * PRIME32;
        }
        return h;
    }

    /** symbolID of a linker symbol name (without the Mach-O underscore). */
    public static long symbolId(String symbol) {
        long h = fnv1a64(symbol.getBytes(StandardCharsets.UTF_8));
        return h == 0 ? 1 : h;
    }

    /** pcline record ID: FNV-1a-64 over the symbol and the little-endian 64-bit sequence number. */
    public static long pclineId(String symbol, long seq) {
        byte[] s = symbol.getBytes(StandardCharsets.UTF_8);
        long h = fnv1a64(s, 0, s.length, BASIS64);
        byte[] le = new byte[8];
        for (int i = 0; i < 8; i++) {
            le[i] = (byte) (seq >>> (8 * i));
        }
        h = fnv1a64(le, 0, 8, h);
        return h == 0 ? 1 : h;
    }

    public static int hashString(String symbol) {
        return fnv1a32(symbol.getBytes(StandardCharsets.UTF_8));
    }
}
