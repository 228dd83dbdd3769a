package dev.llgoframes.lsp.services;

import java.util.Locale;

/** What the server does with a document: trace features, Go-source diagnostics, or nothing. */
public enum DocumentRole {
    /** Traces and logs: links, hovers, symbols, folding, lenses; feeds Go diagnostics. */
    TRACE,
    /** Go source: receives diagnostics only. */
    GO,
    /** Anything else: ignored. */
    NONE;

    public static final String TRACE_LANGUAGE = "llgo-trace";
    private static final String[] TRACE_EXTENSIONS = {".trace", ".panic", ".crash", ".stack"};

    /** Decided by language id, then file extension, then the first line's shape. */
    public static DocumentRole of(String languageId, String uri, String text) {
        String lang = languageId == null ? "" : languageId;
        if (lang.equals("go")) return GO;
        if (lang.equals(TRACE_LANGUAGE) || lang.equals("plaintext") || lang.equals("log")) return TRACE;
        String u = uri == null ? "" : uri.toLowerCase(Locale.ROOT);
        for (String ext : TRACE_EXTENSIONS) if (u.endsWith(ext)) return TRACE;
        if (u.endsWith(".go") && lang.isEmpty()) return GO;
        return looksLikeTrace(text) ? TRACE : NONE;
    }

    /** {@code panic: …} or {@code goroutine N [} on the first non-blank line. */
    static boolean looksLikeTrace(String text) {
        if (text == null) return false;
        int i = 0, n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) i++;
        int e = i;
        while (e < n && text.charAt(e) != '\n' && text.charAt(e) != '\r' && e - i < 200) e++;
        String first = text.substring(i, e);
        if (first.startsWith("panic: ")) return true;
        if (!first.startsWith("goroutine ")) return false;
        int p = "goroutine ".length();
        int q = p;
        while (q < first.length() && Character.isDigit(first.charAt(q))) q++;
        return q > p && first.startsWith(" [", q);
    }
}
