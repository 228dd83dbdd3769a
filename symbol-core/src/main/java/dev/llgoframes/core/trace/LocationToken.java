package dev.llgoframes.core.trace;

/**
 * A navigable source location found in the text.
 *
 * @param range {@code file:line} token; for slog JSON the whole {@code {…}} value of {@code "source"}
 */
public record LocationToken(Kind kind, String file, int line, TextRange range, int lineIndex) {
    public enum Kind {
        /** Location line of a traceback frame (also {@code created by}). */
        FRAME,
        /** {@code log} with Lshortfile/Llongfile. */
        LOG,
        /** {@code log/slog} with AddSource (text {@code source=} or JSON {@code "source":{…}}). */
        SLOG,
        /** {@code go test}/{@code llgo test} failure line {@code     x_test.go:12: msg}. */
        TEST
    }
}
