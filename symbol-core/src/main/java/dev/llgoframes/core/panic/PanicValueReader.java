package dev.llgoframes.core.panic;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Renders the interface a panic carries (type word, data word) like {@code printany} (§9.1)
 * for the types a debugger can read without running code: strings, CORE's runtime errors and
 * {@code PanicNilError}; anything else as {@code (T) 0x…}. Strings are boxed: the data word
 * points at the string header.
 */
public final class PanicValueReader {
    /** Longer panic strings are cut; the user sees the start. */
    static final int MAX_TEXT = 1024;

    private PanicValueReader() {}

    public static PanicValue describe(long typeWord, long dataWord, TypeNames names, ProcessMemory m) {
        if (typeWord == 0) {
            return new PanicValue(null, "nil", false);
        }
        Optional<String> name = names.nameOf(typeWord);
        if (name.isEmpty()) {
            return new PanicValue(null, "(type at 0x" + Long.toHexString(typeWord) + ") 0x" + Long.toHexString(dataWord), false);
        }
        String t = name.get();
        try {
            if (t.equals("string")) {
                return new PanicValue(t, goString(dataWord, m), false);
            }
            if (isCore(t, "errorString")) {
                return new PanicValue(t, "runtime error: " + goString(dataWord, m), true);
            }
            if (isCore(t, "PanicNilError")) {
                return new PanicValue(t, "panic called with nil argument", true);
            }
        } catch (MemoryReadException e) {
            return new PanicValue(t, "(" + t + ") 0x" + Long.toHexString(dataWord) + " (unreadable: " + e.getMessage() + ")", false);
        }
        return new PanicValue(t, "(" + t + ") 0x" + Long.toHexString(dataWord), false);
    }

    private static boolean isCore(String type, String local) {
        String bare = type.startsWith("*") ? type.substring(1) : type;
        for (String p : FrameSplicer.RT_PREFIXES) {
            if (bare.equals(p + "runtime." + local)) {
                return true;
            }
        }
        return false;
    }

    /** A Go string header {ptr, len} at the address. */
    static String goString(long header, ProcessMemory m) {
        long ptr = m.readWord(header + GLayout.STRING_PTR);
        long len = m.readWord(header + GLayout.STRING_LEN);
        if (len < 0) {
            throw new MemoryReadException(header, "negative string length " + len);
        }
        if (len == 0) {
            return "";
        }
        int n = (int) Math.min(len, MAX_TEXT);
        String s = new String(m.read(ptr, n), StandardCharsets.UTF_8);
        return len > MAX_TEXT ? s + "…" : s;
    }
}
