package dev.llgoframes.dap.gdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one line of GDB/MI output (GDB manual, "GDB/MI Output Syntax"). Total: any input gives
 * a record, malformed input an {@link MiRecord.Unparsed} naming the offset, so a stray line from
 * gdb or the inferior can never break the reader thread.
 */
public final class MiParser {
    /**
     * Deepest tuple/list nesting accepted. gdb's own output nests a few levels (frames in a
     * stack, children of a variable); a deeper line is garbage, and recursing into it without
     * a bound would end in a StackOverflowError on the reader thread.
     */
    static final int MAX_DEPTH = 512;

    private final String s;
    private int i;
    private int depth;

    private MiParser(String line) {
        this.s = line;
    }

    /** Thrown internally only; converted to {@link MiRecord.Unparsed} at the boundary. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        Failure(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    public static MiRecord parse(String line) {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (l.trim().equals("(gdb)")) {
            return new MiRecord.Prompt();
        }
        try {
            return new MiParser(l).record();
        } catch (Failure f) {
            return new MiRecord.Unparsed(l, f.getMessage(), f.offset);
        } catch (RuntimeException e) {
            return new MiRecord.Unparsed(l, "internal parse error: " + e, 0);
        }
    }

    private MiRecord record() {
        if (s.isEmpty()) {
            throw new Failure("empty line", 0);
        }
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        Long token = null;
        if (i > start) {
            try {
                token = Long.parseLong(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw new Failure("token out of range", start);
            }
        }
        if (i >= s.length()) {
            throw new Failure("missing record type", i);
        }
        char c = s.charAt(i++);
        switch (c) {
            case '^': {
                String cls = word();
                return new MiRecord.ResultRecord(token, cls, restResults());
            }
            case '*':
            case '+':
            case '=': {
                String cls = word();
                MiRecord.AsyncKind kind = c == '*' ? MiRecord.AsyncKind.EXEC
                        : c == '+' ? MiRecord.AsyncKind.STATUS : MiRecord.AsyncKind.NOTIFY;
                return new MiRecord.AsyncRecord(token, kind, cls, restResults());
            }
            case '~':
            case '@':
            case '&': {
                if (token != null) {
                    throw new Failure("stream record with a token", 0);
                }
                String text = cString();
                expectEnd();
                MiRecord.StreamKind kind = c == '~' ? MiRecord.StreamKind.CONSOLE
                        : c == '@' ? MiRecord.StreamKind.TARGET : MiRecord.StreamKind.LOG;
                return new MiRecord.StreamRecord(kind, text);
            }
            default:
                throw new Failure("unknown record type '" + c + "'", i - 1);
        }
    }

    private String word() {
        int start = i;
        while (i < s.length() && s.charAt(i) != ',' ) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                throw new Failure("unexpected '" + c + "' in class name", i);
            }
            i++;
        }
        if (i == start) {
            throw new Failure("missing class name", i);
        }
        return s.substring(start, i);
    }

    private MiValue.Tuple restResults() {
        List<MiValue.Result> out = new ArrayList<>();
        while (i < s.length()) {
            expect(',');
            out.add(result());
        }
        return new MiValue.Tuple(out);
    }

    private MiValue.Result result() {
        int start = i;
        while (i < s.length() && s.charAt(i) != '=') {
            char c = s.charAt(i);
            if (c == ',' || c == '{' || c == '}' || c == '[' || c == ']' || c == '"') {
                throw new Failure("expected '=' after result name", i);
            }
            i++;
        }
        if (i == start) {
            throw new Failure("missing result name", i);
        }
        String name = s.substring(start, i);
        expect('=');
        return new MiValue.Result(name, value());
    }

    private MiValue value() {
        if (depth >= MAX_DEPTH) {
            throw new Failure("values nested deeper than " + MAX_DEPTH + " levels", i);
        }
        depth++;
        try {
            return valueAtDepth();
        } finally {
            depth--;
        }
    }

    private MiValue valueAtDepth() {
        if (i >= s.length()) {
            throw new Failure("missing value", i);
        }
        char c = s.charAt(i);
        if (c == '"') {
            return new MiValue.Const(cString());
        }
        if (c == '{') {
            i++;
            List<MiValue.Result> rs = new ArrayList<>();
            if (peek('}')) {
                i++;
                return new MiValue.Tuple(rs);
            }
            while (true) {
                rs.add(result());
                if (peek(',')) {
                    i++;
                } else {
                    expect('}');
                    return new MiValue.Tuple(rs);
                }
            }
        }
        if (c == '[') {
            i++;
            List<MiValue> items = new ArrayList<>();
            if (peek(']')) {
                i++;
                return new MiValue.ListValue(items);
            }
            while (true) {
                char d = i < s.length() ? s.charAt(i) : 0;
                if (d == '"' || d == '{' || d == '[') {
                    items.add(value());
                } else {
                    MiValue.Result r = result();
                    items.add(new MiValue.Tuple(List.of(r)));
                }
                if (peek(',')) {
                    i++;
                } else {
                    expect(']');
                    return new MiValue.ListValue(items);
                }
            }
        }
        throw new Failure("unexpected '" + c + "' where a value starts", i);
    }

    /** A C string as gdb writes it: backslash escapes and octal bytes (UTF-8 comes as \ooo). */
    private String cString() {
        expect('"');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            if (i >= s.length()) {
                throw new Failure("unterminated c-string", i);
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            if (c != '\\') {
                // whole code points: a surrogate pair encoded one char at a time would become "??"
                int start = i - 1;
                if (Character.isHighSurrogate(c) && i < s.length() && Character.isLowSurrogate(s.charAt(i))) {
                    i++;
                }
                byte[] b = s.substring(start, i).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                continue;
            }
            if (i >= s.length()) {
                throw new Failure("dangling backslash", i - 1);
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n': bytes.write('\n'); break;
                case 't': bytes.write('\t'); break;
                case 'r': bytes.write('\r'); break;
                case 'f': bytes.write('\f'); break;
                case 'b': bytes.write('\b'); break;
                case 'v': bytes.write(0x0b); break;
                case 'a': bytes.write(0x07); break;
                case 'e': bytes.write(0x1b); break;
                case '"': bytes.write('"'); break;
                case '\\': bytes.write('\\'); break;
                case '\'': bytes.write('\''); break;
                default:
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                            v = v * 8 + (s.charAt(i++) - '0');
                        }
                        bytes.write(v & 0xff);
                    } else {
                        // unknown escape: keep it literally rather than lose text
                        bytes.write('\\');
                        byte[] b = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
                        bytes.write(b, 0, b.length);
                    }
            }
        }
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new Failure(i >= s.length() ? "expected '" + c + "' but the line ended"
                    : "expected '" + c + "' but found '" + s.charAt(i) + "'", i);
        }
        i++;
    }

    private void expectEnd() {
        if (i != s.length()) {
            throw new Failure("trailing characters", i);
        }
    }
}
