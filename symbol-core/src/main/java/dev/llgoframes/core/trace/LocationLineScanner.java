package dev.llgoframes.core.trace;

/**
 * Finds a source location in a line that is not part of a traceback: {@code log} with
 * Lshortfile/Llongfile, {@code log/slog} with AddSource (text and JSON handlers) and
 * {@code go test} failure lines. At most one token per line (each of these formats has one).
 */
final class LocationLineScanner {
    private LocationLineScanner() {}

    static LocationToken scan(String s, int from, int to, int lineIndex) {
        LocationToken t = slogJson(s, from, to, lineIndex);
        if (t == null) t = slogText(s, from, to, lineIndex);
        if (t == null) t = logOrTest(s, from, to, lineIndex);
        return t;
    }

    /** {@code "source":{"function":"main.main","file":"/x/main.go","line":12}} (keys in any order). */
    private static LocationToken slogJson(String s, int from, int to, int lineIndex) {
        int k = Text.indexOf(s, "\"source\":{", from, to);
        if (k < 0) return null;
        int open = k + "\"source\":".length();
        String file = null;
        Integer line = null;
        int p = open + 1;
        while (p < to) {
            p = Text.skipSpaces(s, p, to);
            if (p < to && s.charAt(p) == '}') {
                return file == null || line == null ? null
                        : new LocationToken(LocationToken.Kind.SLOG, file, line, new TextRange(open, p + 1), lineIndex);
            }
            if (p < to && s.charAt(p) == ',') { p++; continue; }
            int[] keyEnd = new int[1];
            String key = jsonString(s, p, to, keyEnd);
            if (key == null) return null;
            p = Text.skipSpaces(s, keyEnd[0], to);
            if (p >= to || s.charAt(p) != ':') return null;
            p = Text.skipSpaces(s, p + 1, to);
            if (p < to && s.charAt(p) == '"') {
                int[] valEnd = new int[1];
                String v = jsonString(s, p, to, valEnd);
                if (v == null) return null;
                if (key.equals("file")) file = v;
                p = valEnd[0];
            } else {
                int q = p;
                while (q < to && s.charAt(q) != ',' && s.charAt(q) != '}') q++;
                if (key.equals("line")) line = Text.decimal(s, p, Text.trimEnd(s, p, q));
                p = q;
            }
        }
        return null;
    }

    /** JSON string starting at the quote at {@code p}; sets {@code end[0]} after the closing quote. */
    private static String jsonString(String s, int p, int to, int[] end) {
        if (p >= to || s.charAt(p) != '"') return null;
        StringBuilder b = new StringBuilder();
        for (int i = p + 1; i < to; i++) {
            char c = s.charAt(i);
            if (c == '"') { end[0] = i + 1; return b.toString(); }
            if (c == '\\' && i + 1 < to) {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        Long v = i + 5 <= to ? Text.hexDigits(s, i + 1, i + 5) : null;
                        if (v == null) return null;
                        b.append((char) v.intValue());
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        return null;
    }

    /** slog TextHandler: {@code source=/path/file.go:12} or {@code source="/path with space/file.go:12"}. */
    private static LocationToken slogText(String s, int from, int to, int lineIndex) {
        int k = from;
        while (true) {
            k = Text.indexOf(s, "source=", k, to);
            if (k < 0) return null;
            if (k == from || s.charAt(k - 1) == ' ') break;
            k++;
        }
        int p = k + "source=".length();
        int end;
        if (p < to && s.charAt(p) == '"') {
            p++;
            end = Text.indexOf(s, '"', p, to);
            if (end < 0) return null;
        } else {
            end = Text.indexOf(s, ' ', p, to);
            if (end < 0) end = to;
        }
        int colon = Text.lastIndexOf(s, ':', p, end);
        if (colon <= p) return null;
        Integer line = Text.decimal(s, colon + 1, end);
        if (line == null) return null;
        return new LocationToken(LocationToken.Kind.SLOG, s.substring(p, colon), line, new TextRange(p, end), lineIndex);
    }

    /**
     * {@code log}: optional {@code 2024/01/02 } date, optional {@code 15:04:05[.micro] } time, then
     * {@code file.go:12: }. {@code go test}: indented {@code file.go:12: }.
     */
    private static LocationToken logOrTest(String s, int from, int to, int lineIndex) {
        int p = Text.skipSpaces(s, from, to);
        boolean indented = p > from;
        boolean stamped = false;
        if (!indented) {
            int q = date(s, p, to);
            if (q > p) { p = q; stamped = true; }
            q = time(s, p, to);
            if (q > p) { p = q; stamped = true; }
        }
        // file.go:NN: — the file has no spaces; try every colon (Windows drive letters).
        int stop = p;
        while (stop < to && !Text.isSpace(s.charAt(stop))) stop++;
        for (int c = Text.indexOf(s, ':', p, stop); c > p; c = Text.indexOf(s, ':', c + 1, stop)) {
            if (!s.startsWith(".go", c - 3)) continue;
            int d = c + 1;
            while (d < stop && Text.isDigit(s.charAt(d))) d++;
            // "file.go:12: msg" — not a compiler position "file.go:12:5: msg".
            if (d == c + 1 || d >= to || s.charAt(d) != ':' || d + 1 < to && s.charAt(d + 1) != ' ') continue;
            Integer line = Text.decimal(s, c + 1, d);
            if (line == null) return null;
            LocationToken.Kind kind = indented && !stamped ? LocationToken.Kind.TEST : LocationToken.Kind.LOG;
            return new LocationToken(kind, s.substring(p, c), line, new TextRange(p, d), lineIndex);
        }
        return null;
    }

    private static int date(String s, int p, int to) {
        if (p + 11 > to) return p;
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(p + i);
            boolean ok = (i == 4 || i == 7) ? c == '/' : Text.isDigit(c);
            if (!ok) return p;
        }
        return s.charAt(p + 10) == ' ' ? p + 11 : p;
    }

    private static int time(String s, int p, int to) {
        if (p + 9 > to) return p;
        for (int i = 0; i < 8; i++) {
            char c = s.charAt(p + i);
            boolean ok = (i == 2 || i == 5) ? c == ':' : Text.isDigit(c);
            if (!ok) return p;
        }
        int q = p + 8;
        if (s.charAt(q) == '.') {
            q++;
            while (q < to && Text.isDigit(s.charAt(q))) q++;
        }
        return q < to && s.charAt(q) == ' ' ? q + 1 : p;
    }
}
