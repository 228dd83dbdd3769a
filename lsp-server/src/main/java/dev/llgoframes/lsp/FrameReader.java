package dev.llgoframes.lsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Splits the client's byte stream into message bodies by their {@code Content-Length} headers, and
 * survives bad framing: a frame whose header is wrong (length not a number, negative, over the limit,
 * missing, a line that is no header) is reported and skipped up to the next {@code Content-Length:},
 * and a body that ran short into the next header is cut there. lsp4j's own reader reads every later body
 * as a header after one such frame and never answers again; that is why this one reads instead.
 */
final class FrameReader {
    /** Largest body accepted: far above any trace an editor holds (a 1M-line dump is ~70 MB), far below the heap. */
    static final int MAX_BODY = 256 << 20;
    private static final int MAX_HEADER_LINE = 8 << 10;
    private static final byte[] MARK = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final Consumer<String> log;
    private String pending; // a header line recovered from garbage

    FrameReader(InputStream in, Consumer<String> log) {
        this.in = in;
        this.log = log;
    }

    /** The next well-framed body; null at the end of the input. */
    byte[] next() throws IOException {
        while (true) {
            long length = headerBlock();
            if (length == -1) return null;
            if (length < 0) {
                pending = resync();
                if (pending == null) return null;
                continue;
            }
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) return null; // the stream ended inside the body
            return body;
        }
    }

    /** Reads one header block: the body length; -1 at the end of input; -2 when the block is bad (reported). */
    private long headerBlock() throws IOException {
        long length = -1;
        boolean any = false;
        while (true) {
            String line = pending != null ? pending : line();
            pending = null;
            if (line == null) return -1;
            if (line.isEmpty()) {
                if (!any) continue; // stray blank lines between frames
                if (length >= 0) return length;
                return bad("a header without Content-Length");
            }
            any = true;
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).trim();
            if (colon <= 0 || !key.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '-'))) {
                int k = line.toLowerCase(Locale.ROOT).indexOf("content-length:");
                if (k > 0) {
                    // The tail of a body whose declared length was too short, run into the next header.
                    log.accept("framing: skipped " + k + " stray bytes before a header");
                    pending = line.substring(k);
                    any = false;
                    length = -1;
                    continue;
                }
                return bad("'" + abbreviate(line) + "' is not a header line");
            }
            String value = line.substring(colon + 1).trim();
            if (key.equalsIgnoreCase("Content-Length")) {
                if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    return bad("Content-Length '" + abbreviate(value) + "' is not a length");
                }
                length = Long.parseLong(value);
                if (length > MAX_BODY) return bad("Content-Length " + length + " is over the limit of " + MAX_BODY + " bytes");
            } else if (key.equalsIgnoreCase("Content-Type")) {
                int cs = value.toLowerCase(Locale.ROOT).indexOf("charset=");
                String charset = cs < 0 ? "utf-8" : value.substring(cs + 8).trim().toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    log.accept("framing: charset '" + abbreviate(charset) + "' ignored; LSP bodies are UTF-8");
                }
            }
        }
    }

    private long bad(String problem) {
        log.accept("framing: " + problem + "; skipping to the next Content-Length header");
        return -2;
    }

    /** One header line without its terminator, at most 8 KiB (a longer one is not a header). Null at the end. */
    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c == '\r') continue;
            b.write(c);
            if (b.size() >= MAX_HEADER_LINE) return b.toString(StandardCharsets.ISO_8859_1) + "\u0000";
        }
        if (c < 0 && b.size() == 0) return null;
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Skips input up to the next {@code Content-Length:} (any case); the header line from there, null at the end. */
    private String resync() throws IOException {
        int matched = 0;
        int c;
        while ((c = in.read()) >= 0) {
            int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
            if (lower == MARK[matched]) {
                if (++matched == MARK.length) {
                    String rest = line();
                    return "Content-Length:" + (rest == null ? "" : rest);
                }
            } else {
                matched = lower == MARK[0] ? 1 : 0;
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }
}
