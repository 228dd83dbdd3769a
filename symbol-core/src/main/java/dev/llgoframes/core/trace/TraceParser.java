package dev.llgoframes.core.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses panic and goroutine-dump text of LLGo and gc into a {@link TraceDocument}. One forward pass
 * over the lines; every recogniser is bounded by its line, so the whole parse is linear in the input.
 * Never throws on malformed input: what is not recognised is passed through.
 */
public final class TraceParser {
    private static final String RACE_RULE = "==================";

    private final String s;
    private final LineTable lines;
    private final List<Traceback> blocks = new ArrayList<>();
    private final List<LocationToken> locations = new ArrayList<>();
    private int passthrough;
    private String lastOutsideLine;

    private TraceParser(String text) {
        this.s = text;
        this.lines = new LineTable(text);
    }

    /**
     * Never throws. Should a recogniser still have a bug, the text is reported as plain passthrough
     * rather than failing the editor or CLI on top; tests use {@link #parseStrict} to see such bugs.
     */
    public static TraceDocument parse(String text) {
        String t = text == null ? "" : text;
        try {
            return parseStrict(t);
        } catch (RuntimeException e) {
            int lines = new LineTable(t).count();
            return new TraceDocument(java.util.List.of(), java.util.List.of(), lines, lines);
        }
    }

    /** The same parse without the safety net: a recogniser bug throws. For tests and fuzzing. */
    public static TraceDocument parseStrict(String text) {
        TraceParser p = new TraceParser(text);
        p.run();
        return new TraceDocument(p.blocks, p.locations, p.passthrough, p.lines.count());
    }

    private void run() {
        int n = lines.count();
        int i = 0;
        while (i < n) {
            int next = startsBlock(i) ? block(i) : -1;
            if (next > i) {
                i = next;
                lastOutsideLine = null;
                continue;
            }
            LocationToken t = LocationLineScanner.scan(s, start(i), end(i), i);
            if (t != null) locations.add(t);
            else passthrough++;
            if (!blank(i)) lastOutsideLine = s.substring(start(i), end(i));
            i++;
        }
    }

    // ---- line access -------------------------------------------------------------------------

    private int start(int i) { return lines.start(i); }

    private int end(int i) { return lines.end(i); }

    private boolean blank(int i) { return Text.isBlank(s, start(i), end(i)); }

    private boolean at(int i, String prefix) { return Text.startsWith(s, start(i), end(i), prefix); }

    private String lineText(int i) { return s.substring(start(i), end(i)); }

    // ---- block detection ---------------------------------------------------------------------

    private boolean startsBlock(int i) {
        int a = start(i), b = end(i);
        if (b == a) return false;
        char c = s.charAt(a);
        return switch (c) {
            case 'p' -> at(i, "panic: ");
            case 'f' -> at(i, "fatal error: ");
            case 'u' -> at(i, "unexpected fault address ");
            case 'g' -> LineSyntax.goroutineHeader(s, a, b) != null;
            case '[' -> LineSyntax.clite(s, a, b) != null;
            case 'S' -> sigquitStart(i);
            case '=' -> at(i, RACE_RULE) && i + 1 < lines.count() && at(i + 1, "WARNING: DATA RACE");
            default -> false;
        };
    }

    /** gc's {@code SIGQUIT: quit} followed by {@code PC=0x… m=0 sigcode=0}. */
    private boolean sigquitStart(int i) {
        int a = start(i), b = end(i);
        int colon = Text.indexOf(s, ':', a, Math.min(b, a + 12));
        return colon > 3 && Text.startsWith(s, a, b, "SIG") && i + 1 < lines.count() && at(i + 1, "PC=0x");
    }

    // ---- one block ---------------------------------------------------------------------------

    /** Parses the block starting at line {@code first}; returns the index of the first line after it. */
    private int block(int first) {
        if (at(first, RACE_RULE)) return race(first);
        BlockBuilder b = new BlockBuilder(first, lastOutsideLine);
        int n = lines.count();
        int i = header(first, b);
        while (i < n) {
            int a = start(i), e = end(i);
            LineSyntax.Header h = LineSyntax.goroutineHeader(s, a, e);
            if (h != null) {
                i = goroutine(i + 1, b, h.id(), h.state(), h.waitMinutes(), h.locked(), new TextRange(a, Text.trimEnd(s, a, e)), i);
            } else if (at(i, "runtime stack:")) {
                i = goroutine(i + 1, b, -1, "runtime stack", null, false, new TextRange(a, Text.trimEnd(s, a, e)), i);
            } else if (LineSyntax.clite(s, a, e) != null) {
                i = clite(i, b);
            } else if (at(i, "exit status ")) {
                b.exitStatus = Text.decimal(s, a + "exit status ".length(), Text.trimEnd(s, a, e));
                b.last = i;
                i++;
                break;
            } else if (diagnostic(i) && i + 1 < n && (continuesBlock(i + 1) || blank(i + 1))) {
                i++;
            } else if (blank(i)) {
                int j = skipQuiet(i);
                if (j < n && continuesBlock(j) && !b.goroutines.isEmpty() || j < n && b.goroutines.isEmpty() && bodyStart(j)) {
                    i = j;
                } else {
                    break;
                }
            } else if (!b.goroutines.isEmpty() && LineSyntax.register(s, a, e)) {
                b.last = i; // gc crash dumps print registers after the stacks
                i++;
            } else {
                break;
            }
        }
        blocks.add(b.build());
        return b.last + 1;
    }

    /**
     * LLGo's run-time diagnostics (§9.6): LLGO_FUNCINFO_DEBUG prints a line when a table is first
     * built, in FIRST_USE images while the traceback is printed; LLGO_DYNUNWIND_DEBUG prints
     * {@code [dynunwind] …} lines at a fault. They interrupt a traceback without ending it.
     */
    private boolean diagnostic(int i) {
        return at(i, "llgo funcinfo: ") || at(i, "[dynunwind] ");
    }

    /** The first line from {@code i} on that is neither blank nor a run-time diagnostic. */
    private int skipQuiet(int i) {
        int n = lines.count();
        while (i < n && (blank(i) || diagnostic(i))) i++;
        return i;
    }

    private boolean bodyStart(int i) {
        int a = start(i), e = end(i);
        return LineSyntax.goroutineHeader(s, a, e) != null || at(i, "runtime stack:") || LineSyntax.clite(s, a, e) != null;
    }

    private boolean continuesBlock(int i) {
        return bodyStart(i) || at(i, "exit status ") || LineSyntax.register(s, start(i), end(i));
    }

    /** Panic, signal and fatal-error lines before the first goroutine; returns the first body line. */
    private int header(int i, BlockBuilder b) {
        int n = lines.count();
        while (i < n) {
            int a = start(i), e = end(i);
            if (at(i, "panic: ")) {
                i = panicLine(i, a + "panic: ".length(), false, b);
            } else if (!b.panics.isEmpty() && Text.skipSpaces(s, a, e) > a
                    && Text.startsWith(s, Text.skipSpaces(s, a, e), e, "panic: ")) {
                i = panicLine(i, Text.skipSpaces(s, a, e) + "panic: ".length(), true, b);
            } else if (at(i, "[signal ")) {
                b.signal = LineSyntax.signal(s, a, e, i);
                b.last = i++;
            } else if (at(i, "fatal error: ")) {
                b.fatal = s.substring(a + "fatal error: ".length(), Text.trimEnd(s, a + "fatal error: ".length(), e));
                b.last = i++;
            } else if (i == b.first && (at(i, "unexpected fault address ") || sigquitStart(i))) {
                b.last = i++;
            } else if (i > b.first && (at(i, "PC=0x") || at(i, "runtime: ") || at(i, "unexpected fault address ")
                    || diagnostic(i))) {
                b.last = i++;
            } else if (blank(i)) {
                int j = skipQuiet(i);
                if (j < n && (bodyStart(j) || at(j, "[signal ") || at(j, "fatal error: "))) {
                    i = j;
                } else {
                    return i;
                }
            } else {
                return i;
            }
        }
        return i;
    }

    /**
     * A panic value may span lines (a string with newlines); its continuation runs to the blank line
     * that both toolchains print after it. Without such a line nearby it is a one-line value.
     */
    private int panicLine(int i, int valueStart, boolean chained, BlockBuilder b) {
        int e = Text.trimEnd(s, valueStart, end(i));
        int last = i;
        if (!chained) {
            int n = lines.count();
            int j = i + 1;
            while (j < n && j <= i + 32 && !blank(j) && !at(j, "[signal ") && !at(j, "\tpanic: ") && !bodyStart(j)) j++;
            if (j < n && j > i + 1 && j <= i + 32 && (blank(j) || at(j, "[signal ") || at(j, "\tpanic: "))) {
                last = j - 1;
                e = Text.trimEnd(s, start(last), end(last));
            }
        }
        boolean recovered = false, repanicked = false;
        if (s.startsWith(" [recovered, repanicked]", e - 24) && e - 24 >= valueStart) {
            recovered = repanicked = true;
            e -= 24;
        } else if (s.startsWith(" [recovered]", e - 12) && e - 12 >= valueStart) {
            recovered = true;
            e -= 12;
        }
        b.panics.add(new PanicMessage(s.substring(valueStart, e), recovered, repanicked, chained,
                new TextRange(valueStart, e), i));
        b.last = last;
        return last + 1;
    }

    /** Frames of one goroutine section, after its header line. */
    private int goroutine(int i, BlockBuilder b, long id, String state, Integer minutes, boolean locked,
            TextRange headerRange, int headerLine) {
        int n = lines.count();
        List<TraceFrame> frames = new ArrayList<>();
        List<ElidedMarker> elided = new ArrayList<>();
        TraceFrame createdBy = null;
        Long createdIn = null;
        b.last = headerLine;
        while (i < n) {
            int a = start(i), e = end(i);
            if (a == e) break;
            LineSyntax.CreatedBy cb;
            int count;
            if ((cb = LineSyntax.createdBy(s, a, e)) != null) {
                LineSyntax.Location loc = i + 1 < n ? LineSyntax.location(s, start(i + 1), end(i + 1)) : null;
                createdBy = frame(FrameSyntax.CREATED_BY, cb.name(), cb.nameRange(), null, i, loc, i + 1);
                createdIn = cb.goroutine();
                i += loc == null ? 1 : 2;
            } else if ((count = LineSyntax.elided(s, a, e)) >= 0) {
                elided.add(new ElidedMarker(count == 0 ? null : count, frames.size(), new TextRange(a, Text.trimEnd(s, a, e)), i));
                i++;
            } else if (Text.isSpace(s.charAt(a)) && Text.indexOf(s, "goroutine running on other thread", a, e) >= 0
                    || at(i, "[originating from goroutine ") || at(i, "non-Go function at pc=") || diagnostic(i)) {
                i++;
            } else {
                int next = callFrame(i, frames);
                if (next < 0) break;
                i = next;
            }
            b.last = i - 1;
        }
        b.goroutines.add(new Goroutine(id, state, minutes, locked, headerRange, headerLine, frames, createdBy, createdIn, elided));
        return i;
    }

    /**
     * {@code name(args)} plus its indented location line, or a cgo-symbolizer frame (a bare name
     * followed by {@code \tfile:line pc=0x…}). Returns the next line, or −1 if line {@code i} is neither.
     */
    private int callFrame(int i, List<TraceFrame> frames) {
        int n = lines.count();
        int a = start(i), e = end(i);
        LineSyntax.Call call = LineSyntax.call(s, a, e);
        LineSyntax.Location loc = i + 1 < n ? LineSyntax.location(s, start(i + 1), end(i + 1)) : null;
        if (call != null) {
            // Without its location line a call is only a frame when the text is cut right after it.
            if (loc == null && i + 1 < n && !blank(i + 1)) return -1;
            frames.add(frame(FrameSyntax.CALL, call.name(), call.nameRange(), call.args(), i, loc, i + 1));
            return loc == null ? i + 1 : i + 2;
        }
        int te = Text.trimEnd(s, a, e);
        if (loc != null && loc.pc() != null && te > a && Text.indexOf(s, ' ', a, te) < 0 && Text.indexOf(s, '\t', a, te) < 0) {
            frames.add(frame(FrameSyntax.CALL, s.substring(a, te), new TextRange(a, te), null, i, loc, i + 1));
            return i + 2;
        }
        return -1;
    }

    private TraceFrame frame(FrameSyntax syntax, String name, TextRange nameRange, String args, int nameLine,
            LineSyntax.Location loc, int locLine) {
        if (loc == null) {
            return new TraceFrame(syntax, name, nameRange, args, null, null, null, null, null, null, null, nameLine, -1);
        }
        if (loc.file() != null && !loc.file().equals("???")) {
            locations.add(new LocationToken(LocationToken.Kind.FRAME, loc.file(), loc.line(), loc.range(), locLine));
        }
        return new TraceFrame(syntax, name, nameRange, args, loc.file(), loc.line(), loc.range(), loc.offset(),
                loc.pc(), loc.fp(), loc.sp(), nameLine, locLine);
    }

    /** A run of clite dump lines (§9.4) becomes one header-less pseudo goroutine. */
    private int clite(int i, BlockBuilder b) {
        int n = lines.count();
        List<TraceFrame> frames = new ArrayList<>();
        LineSyntax.Clite c;
        while (i < n && (c = LineSyntax.clite(s, start(i), end(i))) != null) {
            frames.add(new TraceFrame(FrameSyntax.CLITE, c.name(), c.nameRange(), null, null, null, null, c.offset(),
                    c.pc(), null, null, i, -1));
            b.last = i++;
        }
        b.clite = true;
        b.goroutines.add(new Goroutine(-1, null, null, false, null, -1, frames, null, null, List.of()));
        return i;
    }

    // ---- -race reports -----------------------------------------------------------------------

    /** Sections of a data race report; each {@code … :} heading becomes a pseudo goroutine. */
    private int race(int first) {
        BlockBuilder b = new BlockBuilder(first, lastOutsideLine);
        b.race = true;
        b.last = first + 1;
        int n = lines.count();
        int i = first + 2;
        List<TraceFrame> frames = null;
        String heading = null;
        int headingLine = -1;
        TextRange headingRange = null;
        while (i < n) {
            int a = start(i), e = end(i);
            if (at(i, RACE_RULE)) {
                b.last = i++;
                break;
            }
            int p = Text.skipSpaces(s, a, e);
            if (p == e) {
                i++;
                continue;
            }
            int te = Text.trimEnd(s, a, e);
            if (p == a && s.charAt(te - 1) == ':') {
                if (heading != null) b.goroutines.add(raceSection(heading, headingRange, headingLine, frames));
                heading = s.substring(a, te - 1);
                headingRange = new TextRange(a, te - 1);
                headingLine = i;
                frames = new ArrayList<>();
                b.last = i++;
            } else if (p > a && frames != null) {
                LineSyntax.Call call = LineSyntax.call(s, p, e);
                if (call != null) {
                    LineSyntax.Location loc = i + 1 < n ? LineSyntax.location(s, start(i + 1), end(i + 1)) : null;
                    frames.add(frame(FrameSyntax.CALL, call.name(), call.nameRange(), call.args(), i, loc, i + 1));
                    i += loc == null ? 1 : 2;
                } else {
                    i++; // "[failed to restore the stack]" and similar
                }
                b.last = i - 1;
            } else {
                break;
            }
        }
        if (heading != null) b.goroutines.add(raceSection(heading, headingRange, headingLine, frames));
        blocks.add(b.build());
        return b.last + 1;
    }

    private static Goroutine raceSection(String heading, TextRange range, int line, List<TraceFrame> frames) {
        long id = -1;
        int k = heading.indexOf("goroutine ");
        if (k < 0) k = heading.indexOf("Goroutine ");
        if (heading.contains("main goroutine")) {
            id = 1;
        } else if (k >= 0) {
            int p = k + "goroutine ".length(), q = p;
            while (q < heading.length() && Text.isDigit(heading.charAt(q))) q++;
            Long v = Text.decimalLong(heading, p, q);
            if (v != null) id = v;
        }
        return new Goroutine(id, heading, null, false, range, line, frames, null, null, List.of());
    }

    // ---- assembling --------------------------------------------------------------------------

    private final class BlockBuilder {
        final int first;
        final String preceding;
        int last;
        final List<PanicMessage> panics = new ArrayList<>();
        final List<Goroutine> goroutines = new ArrayList<>();
        SignalInfo signal;
        String fatal;
        Integer exitStatus;
        boolean clite;
        boolean race;

        BlockBuilder(int first, String preceding) {
            this.first = first;
            this.last = first;
            this.preceding = preceding;
        }

        Traceback build() {
            Dialect dialect = DialectGuess.of(clite, race, signal, goroutines);
            TracebackKind kind;
            if (race) kind = TracebackKind.RACE;
            else if (clite) kind = TracebackKind.CLITE;
            else if (fatal != null) kind = TracebackKind.FATAL;
            else if (!panics.isEmpty() && (signal != null || dialect == Dialect.LLGO && DialectGuess.hasPcOnlyFrame(goroutines))) kind = TracebackKind.FAULT;
            else if (!panics.isEmpty()) kind = TracebackKind.PANIC;
            else kind = TracebackKind.STACK;
            TextRange range = new TextRange(start(first), end(last));
            return new Traceback(dialect, kind, panics, signal, fatal, goroutines, exitStatus, range, first, last, preceding);
        }
    }
}
