package dev.llgoframes.lsp.services;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import java.util.Arrays;

/**
 * Line starts of one text, for converting between LSP positions and char offsets. Both count UTF-16
 * units (the LSP default encoding and Java's char), so no code-point arithmetic is needed.
 */
public final class LineIndex {
    private final int[] starts;
    private final int length;

    public LineIndex(CharSequence text) {
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n')) {
                if (n == s.length) s = Arrays.copyOf(s, n * 2);
                s[n++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(s, n);
        this.length = len;
    }

    public int lineCount() { return starts.length; }

    public int lineStart(int line) { return starts[line]; }

    /** End of the line's content, before its terminator. */
    public int lineEnd(int line, CharSequence text) {
        int e = line + 1 < starts.length ? starts[line + 1] : length;
        while (e > starts[line] && (text.charAt(e - 1) == '\n' || text.charAt(e - 1) == '\r')) e--;
        return e;
    }

    /** Offset of a position, or -1 when the position lies outside the text (a line past the end, negatives). */
    public int offsetOf(Position p) {
        if (p == null || p.getLine() < 0 || p.getCharacter() < 0 || p.getLine() >= starts.length) return -1;
        int start = starts[p.getLine()];
        int next = p.getLine() + 1 < starts.length ? starts[p.getLine() + 1] : length;
        return Math.min(start + p.getCharacter(), next);
    }

    /** Like {@link #offsetOf} but clamped into the text: for edits, where clients are lenient too. */
    public int clampedOffsetOf(Position p) {
        if (p == null || p.getLine() < 0) return 0;
        if (p.getLine() >= starts.length) return length;
        int start = starts[p.getLine()];
        int next = p.getLine() + 1 < starts.length ? starts[p.getLine() + 1] : length;
        return Math.min(start + Math.max(0, p.getCharacter()), next);
    }

    public Position positionOf(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int line = Arrays.binarySearch(starts, o);
        if (line < 0) line = -line - 2;
        return new Position(line, o - starts[line]);
    }

    public Range rangeOf(int start, int end) {
        return new Range(positionOf(start), positionOf(end));
    }
}
