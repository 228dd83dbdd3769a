package dev.llgoframes.core.trace;

/**
 * Half-open range {@code [start, end)} of UTF-16 char offsets into the parsed input. Char offsets
 * (not code points) because that is what Java strings and the LSP's default position encoding use.
 */
public record TextRange(int start, int end) {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    public int length() { return end - start; }

    /** The covered text; {@code text} must be the input the range was computed on. */
    public String of(CharSequence text) { return text.subSequence(start, end).toString(); }

    @Override
    public String toString() { return "[" + start + "," + end + ")"; }
}
