package dev.llgoframes.core.trace;

/**
 * Bounded scanning primitives. Every search takes an explicit end so that a failed search on one
 * line can never run into the rest of a huge input (which would make parsing quadratic).
 */
final class Text {
    private Text() {}

    static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') return false;
        }
        return true;
    }

    static boolean isSpace(char c) { return c == ' ' || c == '\t'; }

    static boolean startsWith(String s, int from, int to, String prefix) {
        return to - from >= prefix.length() && s.startsWith(prefix, from);
    }

    static int indexOf(String s, String pat, int from, int to) {
        int last = to - pat.length();
        char first = pat.charAt(0);
        for (int i = from; i <= last; i++) {
            if (s.charAt(i) == first && s.startsWith(pat, i)) return i;
        }
        return -1;
    }

    static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) == c) return i;
        return -1;
    }

    static int lastIndexOf(String s, char c, int from, int to) {
        for (int i = to - 1; i >= from; i--) if (s.charAt(i) == c) return i;
        return -1;
    }

    static int skipSpaces(String s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) from++;
        return from;
    }

    static int trimEnd(String s, int from, int to) {
        while (to > from && isSpace(s.charAt(to - 1))) to--;
        return to;
    }

    static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    static boolean allDigits(String s, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) if (!isDigit(s.charAt(i))) return false;
        return true;
    }

    /** Decimal value of {@code [from, to)}, or null if empty, not all digits or too large for an int. */
    static Integer decimal(String s, int from, int to) {
        if (!allDigits(s, from, to) || to - from > 9) return null;
        return Integer.parseInt(s, from, to, 10);
    }

    static Long decimalLong(String s, int from, int to) {
        if (!allDigits(s, from, to) || to - from > 18) return null;
        return Long.parseLong(s, from, to, 10);
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Value of {@code 0x<hex>} at {@code [from, to)} (the whole span), or null. */
    static Long hex0x(String s, int from, int to) {
        if (!startsWith(s, from, to, "0x")) return null;
        return hexDigits(s, from + 2, to);
    }

    /** Value of bare hex digits spanning {@code [from, to)} (at most 16 digits), or null. */
    static Long hexDigits(String s, int from, int to) {
        if (from >= to || to - from > 16) return null;
        for (int i = from; i < to; i++) if (!isHexDigit(s.charAt(i))) return null;
        return Long.parseUnsignedLong(s, from, to, 16);
    }

    static String hex(long v) { return "0x" + Long.toHexString(v); }
}
