package dev.llgoframes.core.macho;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * LC_DYLD_CHAINED_FIXUPS (§3.7.7): walks every page chain once at open time and keeps the
 * decoded value of each slot. Supports DYLD_CHAINED_PTR_64 (2, rebase = vmaddr) and
 * DYLD_CHAINED_PTR_64_OFFSET (6, rebase = offset from the image base), imports formats 1–3.
 * Hostile data ends in a typed error: every table is bounds-checked against the fixup blob,
 * chains only move forward inside their page and inside the segment's file bytes, and a slot
 * reached twice (overlapping segment starts) is refused.
 */
public final class ChainedFixups {
    public static final int PTR_64 = 2;
    public static final int PTR_64_OFFSET = 6;
    private static final int START_NONE = 0xFFFF;
    private static final int START_MULTI = 0x8000;

    private final Map<Long, ChainedFixup> bySlot;
    private final List<ChainedImport> imports;
    private final TreeSet<Integer> formats;
    private final int rebases;
    private final int binds;
    private final int unresolved;

    private ChainedFixups(Map<Long, ChainedFixup> bySlot, List<ChainedImport> imports, TreeSet<Integer> formats) {
        this.bySlot = bySlot;
        this.imports = List.copyOf(imports);
        this.formats = formats;
        int r = 0;
        int b = 0;
        int u = 0;
        for (ChainedFixup x : bySlot.values()) {
            if (x.kind() == ChainedFixup.Kind.REBASE) {
                r++;
            } else {
                b++;
                if (!x.resolved()) {
                    u++;
                }
            }
        }
        this.rebases = r;
        this.binds = b;
        this.unresolved = u;
    }

    public static ChainedFixups none() {
        return new ChainedFixups(Map.of(), List.of(), new TreeSet<>());
    }

    /**
     * @param exports the executable's own defined external nlist symbols by raw name (with '_'),
     *                which binds back into the executable resolve to
     */
    static ChainedFixups parse(ByteSlice slice, LoadCommands.LinkeditData cmd, List<MachOSegment> segments,
                               long imageBase, Map<String, Long> exports) throws BinaryFormatException {
        ByteSlice d = slice.slice(cmd.dataoff(), cmd.datasize(), "chained fixups");
        if (d.length() < 28) {
            throw d.error(0, "header needs 28 bytes, the data has " + d.length());
        }
        long version = d.u32(0);
        long startsOff = d.u32(4);
        long importsOff = d.u32(8);
        long symbolsOff = d.u32(12);
        long importsCount = d.u32(16);
        long importsFormat = d.u32(20);
        long symbolsFormat = d.u32(24);
        if (version != 0) {
            throw d.error(0, "fixups_version " + version + " (only 0 exists)");
        }
        if (symbolsFormat != 0) {
            throw d.error(24, "compressed import names (symbols_format " + symbolsFormat + ") are not supported");
        }
        List<ChainedImport> imports = readImports(d, importsOff, symbolsOff, importsCount, importsFormat);
        Map<Long, ChainedFixup> bySlot = new HashMap<>();
        TreeSet<Integer> formats = new TreeSet<>();
        if (!d.fits(startsOff, 4)) {
            throw d.error(4, "starts_offset " + startsOff + " lies outside the fixup data");
        }
        long segCount = d.u32(startsOff);
        if (segCount > segments.size()) {
            throw d.error(startsOff, "starts-in-image lists " + segCount + " segments, the image has " + segments.size());
        }
        if (!d.fits(startsOff + 4, 4 * segCount)) {
            throw d.error(startsOff, segCount + " segment offsets do not fit in the fixup data");
        }
        for (int i = 0; i < segCount; i++) {
            long rel = d.u32(startsOff + 4 + 4L * i);
            if (rel != 0) {
                walkSegment(slice, d, startsOff + rel, segments.get(i), imageBase, imports, exports, bySlot, formats);
            }
        }
        return new ChainedFixups(bySlot, imports, formats);
    }

    private static List<ChainedImport> readImports(ByteSlice d, long importsOff, long symbolsOff, long count, long format)
            throws BinaryFormatException {
        int size = switch ((int) format) {
            case 1 -> 4;
            case 2 -> 8;
            case 3 -> 16;
            default -> throw d.error(20, "imports_format " + format + " (expected 1, 2 or 3)");
        };
        if (count > 0 && (!d.fits(importsOff, count * size))) {
            throw d.error(8, count + " imports of " + size + " bytes at 0x" + Long.toHexString(importsOff) + " do not fit in the fixup data");
        }
        if (symbolsOff > d.length()) {
            throw d.error(12, "symbols_offset " + symbolsOff + " lies outside the fixup data");
        }
        ByteSlice names = d.slice(symbolsOff, d.length() - symbolsOff, "chained-fixup import names");
        List<ChainedImport> out = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            long at = importsOff + i * size;
            int lib;
            boolean weak;
            long nameOff;
            long addend = 0;
            if (format == 3) {
                long raw = d.u64(at);
                lib = (short) (raw & 0xFFFF);
                weak = (raw & (1L << 16)) != 0;
                nameOff = raw >>> 32;
                addend = d.u64(at + 8);
            } else {
                long raw = d.u32(at);
                lib = (byte) (raw & 0xFF);
                weak = (raw & (1L << 8)) != 0;
                nameOff = raw >>> 9;
                if (format == 2) {
                    addend = d.i32(at + 4);
                }
            }
            if (nameOff >= names.length() || !names.hasNulFrom(nameOff)) {
                throw d.error(at, "import " + i + " name offset " + nameOff + " is outside the name pool or unterminated");
            }
            out.add(new ChainedImport(lib, weak, names.cString(nameOff), addend));
        }
        return out;
    }

    private static void walkSegment(ByteSlice slice, ByteSlice d, long at, MachOSegment seg, long imageBase,
                                    List<ChainedImport> imports, Map<String, Long> exports,
                                    Map<Long, ChainedFixup> bySlot, TreeSet<Integer> formats) throws BinaryFormatException {
        String where = "starts-in-segment of " + seg.name();
        if (!d.fits(at, 22)) {
            throw d.error(at, where + " lies outside the fixup data");
        }
        int pageSize = d.u16(at + 4);
        int format = d.u16(at + 6);
        int pageCount = d.u16(at + 20);
        if (pageSize < 0x1000 || pageSize > 0x10000 || Integer.bitCount(pageSize) != 1) {
            throw d.error(at + 4, where + ": page_size 0x" + Integer.toHexString(pageSize) + " (expected a power of two, 4 KiB..64 KiB)");
        }
        if (format != PTR_64 && format != PTR_64_OFFSET) {
            throw d.error(at + 6, where + ": pointer_format " + format + " is not supported (only 2 and 6)");
        }
        if (!d.fits(at + 22, 2L * pageCount)) {
            throw d.error(at + 20, where + ": " + pageCount + " page starts do not fit in the fixup data");
        }
        long pages = (seg.memSize() + pageSize - 1) / pageSize;
        if (pageCount > pages) {
            throw d.error(at + 20, where + ": " + pageCount + " pages but the segment spans " + pages);
        }
        formats.add(format);
        for (int p = 0; p < pageCount; p++) {
            int start = d.u16(at + 22 + 2L * p);
            if (start == START_NONE) {
                continue;
            }
            if ((start & START_MULTI) != 0) {
                throw d.error(at + 22 + 2L * p, where + ": page " + p + " uses multiple chain starts (not supported)");
            }
            walkChain(slice, seg, p, pageSize, start, format, imageBase, imports, exports, bySlot);
        }
    }

    private static void walkChain(ByteSlice slice, MachOSegment seg, int page, int pageSize, int start, int format,
                                  long imageBase, List<ChainedImport> imports, Map<String, Long> exports,
                                  Map<Long, ChainedFixup> bySlot) throws BinaryFormatException {
        long offset = start;
        // next is at least 1 (4 bytes), so a chain has at most pageSize/4 nodes: no loop is possible.
        while (true) {
            long inSeg = (long) page * pageSize + offset;
            String what = "chain of " + seg.name() + " page " + page;
            if (offset + 8 > pageSize) {
                throw slice.error(seg.fileOffset() + inSeg, what + ": node at page offset 0x" + Long.toHexString(offset)
                        + " runs past the end of the 0x" + Integer.toHexString(pageSize) + "-byte page");
            }
            if (!seg.containsFileOffset(seg.fileOffset() + inSeg, 8)) {
                throw slice.error(Math.min(seg.fileOffset() + inSeg, slice.length()), what
                        + ": node at segment offset 0x" + Long.toHexString(inSeg) + " is beyond the segment's file bytes");
            }
            long raw = slice.u64(seg.fileOffset() + inSeg);
            long slot = seg.address() + inSeg;
            if (bySlot.containsKey(slot)) {
                throw slice.error(seg.fileOffset() + inSeg, what + ": slot 0x" + Long.toHexString(slot) + " is reached by a second chain");
            }
            bySlot.put(slot, decode(slot, raw, format, imageBase, imports, exports));
            long next = (raw >>> 51) & 0xFFF;
            if (next == 0) {
                return;
            }
            offset += next * 4;
        }
    }

    static ChainedFixup decode(long slot, long raw, int format, long imageBase, List<ChainedImport> imports,
                               Map<String, Long> exports) {
        if (raw < 0) {
            long ordinal = raw & 0xFFFFFF;
            long addend = (raw >>> 24) & 0xFF;
            if (ordinal >= imports.size()) {
                return new ChainedFixup(slot, ChainedFixup.Kind.BIND, 0, false, ordinal);
            }
            ChainedImport imp = imports.get((int) ordinal);
            Long target = imp.mayBindToSelf() ? exports.get(imp.rawName()) : null;
            if (target == null) {
                return new ChainedFixup(slot, ChainedFixup.Kind.BIND, 0, false, ordinal);
            }
            return new ChainedFixup(slot, ChainedFixup.Kind.BIND, target + imp.addend() + addend, true, ordinal);
        }
        long target = raw & 0xFFFFFFFFFL;
        long high8 = (raw >>> 36) & 0xFF;
        long value = format == PTR_64_OFFSET ? imageBase + target : target;
        return new ChainedFixup(slot, ChainedFixup.Kind.REBASE, value | (high8 << 56), true, -1);
    }

    public Optional<ChainedFixup> at(long slot) {
        return Optional.ofNullable(bySlot.get(slot));
    }

    public List<ChainedImport> imports() { return imports; }

    public TreeSet<Integer> pointerFormats() { return new TreeSet<>(formats); }

    public int rebaseCount() { return rebases; }

    public int bindCount() { return binds; }

    public int unresolvedBindCount() { return unresolved; }

    public int size() { return bySlot.size(); }
}
