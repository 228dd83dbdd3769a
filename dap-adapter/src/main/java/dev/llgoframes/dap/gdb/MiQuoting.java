package dev.llgoframes.dap.gdb;

/** Quoting of MI command parameters (MI input syntax: c-strings with backslash escapes). */
public final class MiQuoting {
    private MiQuoting() {}

    public static String cString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default: b.append(c);
            }
        }
        return b.append('"').toString();
    }

    public static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    /** Parses gdb's numbers: 0x-hex or decimal, possibly followed by a symbol ({@code 0x401136 <main+4>}). */
    public static long parseAddress(String text) {
        String t = text.trim();
        int sp = t.indexOf(' ');
        if (sp > 0) {
            t = t.substring(0, sp);
        }
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return Long.parseUnsignedLong(t.substring(2), 16);
        }
        return Long.parseLong(t);
    }
}
