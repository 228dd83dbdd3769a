package dev.llgoframes.dap.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Machine code as the user sees it: the backend decodes, the core names each address (Go
 * file:line from LLGo's tables, C symbols) exactly as it names frames. Serves the disassemble
 * request (a window of instructions around an address) and the read-only listings shown for
 * frames without source.
 */
public final class Disassembly {
    /** x86-64's longest instruction; ranges decoded forward are sized with it. */
    private static final int MAX_INSTRUCTION = 15;
    /** Listings are cached per function for the session: code does not change under us. */
    private final Map<Long, Listing> listings = new HashMap<>();
    private final Map<Integer, Listing> byReference = new HashMap<>();
    private final Backend backend;
    private final SymbolView view;

    public Disassembly(Backend backend, SymbolView view) {
        this.backend = backend;
        this.view = view;
    }

    /** An instruction with the core's names; {@code valid} is false for padding where nothing decodes. */
    public record Instruction(long address, byte[] bytes, String text, String symbol, String file, Integer line,
                              boolean valid) {}

    /** A function's read-only disassembly text and which listing line holds each instruction. */
    public record Listing(int reference, String title, String text, NavigableMap<Long, Integer> lineOfPc, long end) {
        public boolean covers(long pc) {
            return pc >= lineOfPc.firstKey() && pc < end;
        }

        /** The line of the instruction containing pc. */
        public int lineFor(long pc) {
            Map.Entry<Long, Integer> e = lineOfPc.floorEntry(pc);
            return e == null ? 1 : e.getValue();
        }
    }

    /**
     * {@code count} instructions starting {@code instructionOffset} instructions away from the one at
     * {@code base} (negative: before it). Always exactly {@code count}, padded with invalid entries
     * where memory does not decode, as DAP asks.
     */
    public List<Instruction> window(long base, int instructionOffset, int count) {
        int needBefore = instructionOffset < 0 ? -instructionOffset : 0;
        int needAfter = Math.max(0, instructionOffset + count);
        List<Instruction> all = new ArrayList<>(needBefore + needAfter);
        List<RawInstruction> before = backwards(base, needBefore);
        // padding sits just below the first decoded instruction, one byte each
        long first = before.isEmpty() ? base : before.get(0).address();
        int pad = needBefore - before.size();
        for (int k = 0; k < pad; k++) {
            all.add(invalid(first - (pad - k)));
        }
        before.forEach(r -> all.add(annotate(r)));
        List<RawInstruction> after = forwards(base, needAfter);
        after.forEach(r -> all.add(annotate(r)));
        long next = after.isEmpty() ? base : after.get(after.size() - 1).end();
        for (int k = after.size(); k < needAfter; k++) {
            all.add(invalid(next++));
        }
        int from = instructionOffset < 0 ? 0 : instructionOffset;
        return all.subList(from, from + count);
    }

    private Instruction invalid(long address) {
        return new Instruction(address, new byte[0], "??", null, null, null, false);
    }

    /** The core's description of one decoded instruction. */
    private Instruction annotate(RawInstruction r) {
        if (!view.inExecutable(r.address())) {
            return new Instruction(r.address(), r.bytes(), r.text(), r.backendFunction(), null, null, true);
        }
        FrameDescription d = view.describe(r.address(), false, null);
        String symbol = d.name().startsWith("0x") ? r.backendFunction() : d.name();
        return new Instruction(r.address(), r.bytes(), r.text(), symbol, d.file(), d.line(), true);
    }

    private List<RawInstruction> forwards(long base, int n) {
        if (n == 0) {
            return List.of();
        }
        try {
            List<RawInstruction> got = backend.disassembleRange(base, base + (long) n * MAX_INSTRUCTION);
            return got.isEmpty() || got.get(0).address() != base ? List.of() : got.subList(0, Math.min(n, got.size()));
        } catch (BackendException e) {
            return List.of();
        }
    }

    /**
     * Up to n instructions ending exactly at {@code end}. x86 cannot be decoded backwards, so the
     * debugger's function bounds give a known-aligned start; outside functions, decoding from a few
     * earlier starts until one lands exactly on {@code end} (x86 decoding resynchronizes quickly).
     */
    private List<RawInstruction> backwards(long end, int n) {
        List<RawInstruction> out = new ArrayList<>();
        long at = end;
        for (int round = 0; out.size() < n && round < 16 && at > 0; round++) {
            List<RawInstruction> chunk = endingAt(at, n - out.size());
            if (chunk.isEmpty()) {
                break;
            }
            out.addAll(0, chunk);
            at = chunk.get(0).address();
        }
        return out.size() > n ? out.subList(out.size() - n, out.size()) : out;
    }

    private List<RawInstruction> endingAt(long end, int n) {
        try {
            List<RawInstruction> fn = backend.disassembleFunction(end - 1);
            List<RawInstruction> prior = fn.stream().filter(i -> i.address() < end).toList();
            if (!prior.isEmpty() && prior.get(prior.size() - 1).end() == end) {
                return prior.subList(Math.max(0, prior.size() - n), prior.size());
            }
        } catch (BackendException e) {
            // no symbol covers it: decode by range below
        }
        long span = Math.min(end, (long) n * 8 + MAX_INSTRUCTION);
        for (int shift = 0; shift < MAX_INSTRUCTION && span + shift <= end; shift++) {
            try {
                List<RawInstruction> got = backend.disassembleRange(end - span - shift, end);
                if (!got.isEmpty() && got.get(got.size() - 1).end() == end) {
                    return got.subList(Math.max(0, got.size() - n), got.size());
                }
            } catch (BackendException e) {
                return List.of();
            }
        }
        return List.of();
    }

    /** The listing of the function around a pc (cached), or empty when the debugger knows no function there. */
    public Optional<Listing> listingFor(long pc) {
        for (Listing l : listings.values()) {
            if (l.covers(pc)) {
                return Optional.of(l);
            }
        }
        List<RawInstruction> fn;
        try {
            fn = backend.disassembleFunction(pc);
        } catch (BackendException e) {
            return Optional.empty();
        }
        if (fn.isEmpty()) {
            return Optional.empty();
        }
        int ref = byReference.size() + 1;
        Listing l = render(ref, fn);
        listings.put(fn.get(0).address(), l);
        byReference.put(ref, l);
        return Optional.of(l);
    }

    public Optional<Listing> listing(int reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    /** One line per instruction, with the core's symbol+offset and a comment when the source position changes. */
    private Listing render(int ref, List<RawInstruction> fn) {
        List<Instruction> ins = fn.stream().map(this::annotate).toList();
        String title = ins.get(0).symbol() != null ? ins.get(0).symbol() : "0x" + Long.toHexString(fn.get(0).address());
        StringBuilder b = new StringBuilder("; disassembly of ").append(title).append(" (no source for this code)\n");
        NavigableMap<Long, Integer> lines = new TreeMap<>();
        int line = 2;
        long start = fn.get(0).address();
        String lastPos = null;
        HexFormat hex = HexFormat.ofDelimiter(" ");
        for (Instruction i : ins) {
            String pos = i.file() == null ? null : i.file() + ":" + (i.line() == null ? 0 : i.line());
            b.append(String.format("0x%016x <%s+%d>:  %-30s %s", i.address(), title, i.address() - start,
                    hex.formatHex(i.bytes()), i.text()));
            if (pos != null && !pos.equals(lastPos)) {
                b.append("    ; ").append(pos);
            }
            lastPos = pos;
            b.append('\n');
            lines.put(i.address(), line++);
        }
        return new Listing(ref, title, b.toString(), Collections.unmodifiableNavigableMap(lines),
                fn.get(fn.size() - 1).end());
    }
}
