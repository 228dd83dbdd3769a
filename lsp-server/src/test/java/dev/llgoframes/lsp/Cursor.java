package dev.llgoframes.lsp;

import org.eclipse.lsp4j.Position;

/**
 * Marker-style cursors: {@code "main.ca|llC"} names the position of {@code |} inside the first (or
 * {@code n}-th) occurrence of {@code mainCallC} in the text.
 */
public final class Cursor {
    private Cursor() {}

    public static Position at(String text, String marked) { return at(text, marked, 0); }

    public static Position at(String text, String marked, int occurrence) {
        int bar = marked.indexOf('|');
        if (bar < 0) throw new IllegalArgumentException("no | in " + marked);
        String plain = marked.substring(0, bar) + marked.substring(bar + 1);
        int k = -1;
        for (int i = 0; i <= occurrence; i++) {
            k = text.indexOf(plain, k + 1);
            if (k < 0) throw new IllegalArgumentException("'" + plain + "' occurs fewer than " + (occurrence + 1) + " times");
        }
        return positionOf(text, k + bar);
    }

    public static Position positionOf(String text, int offset) {
        int line = 0, start = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') { line++; start = i + 1; }
        }
        return new Position(line, offset - start);
    }
}
