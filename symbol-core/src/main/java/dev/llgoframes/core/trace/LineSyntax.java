package dev.llgoframes.core.trace;

/**
 * Recognisers for single traceback lines. Each takes one line {@code [from, to)} of the input and
 * returns null when the line is not of that form. Hand-written scanners, no regular expressions:
 * each runs in time linear in the line length, whatever the input.
 */
final class LineSyntax {
    private LineSyntax() {}

    /** {@code name(args)}; {@code nameStart} is where the name begins (after any indentation). */
    record Call(String name, TextRange nameRange, String args) {}

    /** Indented location line: {@code file:line [+0x…] [fp=… sp=… pc=…]} or {@code pc=0x…}. */
    record Location(String file, Integer line, TextRange range, Long offset, Long pc, Long fp, Long sp) {}

    record Header(long id, String state, Integer waitMinutes, boolean locked) {}

    record Clite(Long pc, String name, TextRange nameRange, Long offset) {}

    record CreatedBy(String name, TextRange nameRange, Long goroutine) {}

    static Call call(String s, int nameStart, int to) {
        int end = Text.trimEnd(s, nameStart, to);
        if (end - nameStart < 3 || s.charAt(end - 1) != ')') return null;
        char first = s.charAt(nameStart);
        if (first == '[' || first == '{' || first == '(' || first == '"' || first == '-' || first == '='
                || first == '#' || first == '*' || first == '.' || first == ')' || Text.isSpace(first)) {
            return null;
        }
        // The argument list is the last balanced (...) group; gc's argument words never contain parens.
        int depth = 0;
        int open = -1;
        for (int i = end - 1; i >= nameStart; i--) {
            char c = s.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                open = i;
                break;
            }
        }
        if (open <= nameStart) return null;
        // Spaces are only allowed inside generic type arguments (main.F[func(int) string]).
        int brackets = 0;
        for (int i = nameStart; i < open; i++) {
            char c = s.charAt(i);
            if (c == '[') brackets++;
            else if (c == ']') brackets--;
            else if (c == '\t' || (c == ' ' && brackets <= 0)) return null;
            else if (c == ':' && brackets <= 0 && i + 1 < open && s.charAt(i + 1) == ' ') return null;
        }
        return new Call(s.substring(nameStart, open), new TextRange(nameStart, open), s.substring(open + 1, end - 1));
    }

    static Location location(String s, int from, int to) {
        int p = Text.skipSpaces(s, from, to);
        if (p == from) return null; // location lines are always indented
        int end = Text.trimEnd(s, p, to);
        if (p >= end) return null;
        if (Text.startsWith(s, p, end, "pc=0x")) {
            Long pc = Text.hex0x(s, p + 3, end);
            return pc == null ? null : new Location(null, null, null, null, pc, null, null);
        }
        Long off = null, fp = null, sp = null, pc = null;
        while (true) {
            int space = Text.lastIndexOf(s, ' ', p, end);
            if (space < 0) break;
            int t = space + 1;
            Long v;
            if (Text.startsWith(s, t, end, "+0x") && (v = Text.hex0x(s, t + 1, end)) != null && off == null) off = v;
            else if (Text.startsWith(s, t, end, "fp=0x") && (v = Text.hex0x(s, t + 3, end)) != null) fp = v;
            else if (Text.startsWith(s, t, end, "sp=0x") && (v = Text.hex0x(s, t + 3, end)) != null) sp = v;
            else if (Text.startsWith(s, t, end, "pc=0x") && (v = Text.hex0x(s, t + 3, end)) != null) pc = v;
            else break;
            end = Text.trimEnd(s, p, space);
        }
        int colon = Text.lastIndexOf(s, ':', p, end);
        if (colon <= p) return null;
        Integer line = Text.decimal(s, colon + 1, end);
        if (line == null) return null;
        return new Location(s.substring(p, colon), line, new TextRange(p, end), off, pc, fp, sp);
    }

    /** {@code goroutine N [state, N minutes, locked to thread]:} and {@code goroutine N gp=… m=… [state]:}. */
    static Header goroutineHeader(String s, int from, int to) {
        if (!Text.startsWith(s, from, to, "goroutine ")) return null;
        int end = Text.trimEnd(s, from, to);
        int p = from + "goroutine ".length();
        int q = p;
        while (q < end && Text.isDigit(s.charAt(q))) q++;
        Long id = Text.decimalLong(s, p, q);
        if (id == null || q >= end || s.charAt(q) != ' ') return null;
        if (end - q < 4 || s.charAt(end - 1) != ':' || s.charAt(end - 2) != ']') return null;
        int lb = Text.indexOf(s, '[', q, end);
        if (lb < 0) return null;
        String inner = s.substring(lb + 1, end - 2);
        String state = inner;
        Integer minutes = null;
        boolean locked = false;
        int depth = 0, partStart = 0;
        boolean firstPart = true;
        for (int i = 0; i <= inner.length(); i++) {
            char c = i < inner.length() ? inner.charAt(i) : ',';
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth <= 0) {
                String part = inner.substring(partStart, i).trim();
                if (firstPart) {
                    state = part;
                    firstPart = false;
                } else if (part.endsWith(" minutes")) {
                    minutes = Text.decimal(part, 0, part.length() - " minutes".length());
                } else if (part.equals("locked to thread")) {
                    locked = true;
                }
                partStart = i + 1;
            }
        }
        return new Header(id, state, minutes, locked);
    }

    /** {@code [0x%08X name+0x%x, SP = 0x%x]} (§9.4); the name may be {@code (null)}. */
    static Clite clite(String s, int from, int to) {
        int end = Text.trimEnd(s, from, to);
        if (!Text.startsWith(s, from, end, "[0x") || s.charAt(end - 1) != ']') return null;
        int space = Text.indexOf(s, ' ', from, end);
        if (space < 0) return null;
        Long pc = Text.hex0x(s, from + 1, space);
        int spMark = Text.lastIndexOf(s, ',', space, end);
        if (pc == null || spMark < 0 || !Text.startsWith(s, spMark, end, ", SP = 0x")) return null;
        Long off = Text.hex0x(s, spMark + ", SP = ".length(), end - 1);
        int plus = Text.lastIndexOf(s, '+', space + 1, spMark);
        if (off == null || plus <= space + 1 || Text.hex0x(s, plus + 1, spMark) == null) return null;
        return new Clite(pc, s.substring(space + 1, plus), new TextRange(space + 1, plus), off);
    }

    /** {@code created by main.main in goroutine 1} (gc 1.21+) or {@code created by main.main}. */
    static CreatedBy createdBy(String s, int from, int to) {
        if (!Text.startsWith(s, from, to, "created by ")) return null;
        int end = Text.trimEnd(s, from, to);
        int p = from + "created by ".length();
        int space = Text.indexOf(s, ' ', p, end);
        if (space < 0) return p < end ? new CreatedBy(s.substring(p, end), new TextRange(p, end), null) : null;
        Long g = null;
        if (Text.startsWith(s, space, end, " in goroutine ")) g = Text.decimalLong(s, space + 14, end);
        return new CreatedBy(s.substring(p, space), new TextRange(p, space), g);
    }

    /** gc elision markers; returns −1 when not a marker, 0 for {@code ...additional frames elided...}. */
    static int elided(String s, int from, int to) {
        int end = Text.trimEnd(s, from, to);
        if (Text.startsWith(s, from, end, "...additional frames elided...")) return 0;
        if (Text.startsWith(s, from, end, "...") && end - from > 20 && s.startsWith(" frames elided...", end - 17)) {
            Integer n = Text.decimal(s, from + 3, end - 17);
            return n == null ? -1 : n;
        }
        return -1;
    }

    /** {@code [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x48f2b6]}. */
    static SignalInfo signal(String s, int from, int to, int lineIndex) {
        int end = Text.trimEnd(s, from, to);
        if (!Text.startsWith(s, from, end, "[signal ") || s.charAt(end - 1) != ']') return null;
        int p = from + "[signal ".length();
        int close = end - 1;
        int kv = Text.indexOf(s, " code=", p, close);
        if (kv < 0) kv = Text.indexOf(s, " addr=", p, close);
        if (kv < 0) kv = close;
        int colon = Text.indexOf(s, ':', p, kv);
        String name, description;
        if (colon >= 0) {
            name = s.substring(p, colon);
            description = s.substring(Text.skipSpaces(s, colon + 1, kv), kv);
        } else { // Windows: "[signal 0xc0000005 code=…"
            name = s.substring(p, kv);
            description = "";
        }
        String code = null, addr = null;
        Long pc = null;
        int q = kv;
        while (q < close) {
            q = Text.skipSpaces(s, q, close);
            int sp = Text.indexOf(s, ' ', q, close);
            int e = sp < 0 ? close : sp;
            if (Text.startsWith(s, q, e, "code=")) code = s.substring(q + 5, e);
            else if (Text.startsWith(s, q, e, "addr=")) addr = s.substring(q + 5, e);
            else if (Text.startsWith(s, q, e, "pc=")) pc = Text.hex0x(s, q + 3, e);
            q = e;
        }
        return new SignalInfo(name, description, code, addr, pc, new TextRange(from + 1, close), lineIndex);
    }

    /** Register lines of gc crash dumps ({@code rax    0x0}, {@code rflags 0x286}). */
    static boolean register(String s, int from, int to) {
        int p = from;
        while (p < to && (Character.isLetterOrDigit(s.charAt(p)))) p++;
        if (p - from < 2 || p - from > 6 || p >= to || !Text.isSpace(s.charAt(p))) return false;
        int q = Text.skipSpaces(s, p, to);
        return Text.hex0x(s, q, Text.trimEnd(s, q, to)) != null;
    }
}
