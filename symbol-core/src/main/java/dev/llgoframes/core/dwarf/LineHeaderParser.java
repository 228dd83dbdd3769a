package dev.llgoframes.core.dwarf;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;
import java.util.ArrayList;
import java.util.List;

/** Splits one unit off .debug_line and parses its header (DWARF 2 to 5, 32- and 64-bit). */
final class LineHeaderParser {
    private LineHeaderParser() {}

    static LineUnit parse(String fileName, ByteSlice debugLine, long unitOffset, LineStrings strings)
            throws BinaryFormatException {
        DwarfCursor lenIn = new DwarfCursor(debugLine, fileName, unitOffset);
        long length = lenIn.u32();
        int offsetSize = 4;
        if (length == 0xffff_ffffL) {
            offsetSize = 8;
            length = lenIn.u64();
        } else if (length >= 0xffff_fff0L) {
            throw lenIn.error(unitOffset, "reserved unit_length 0x" + Long.toHexString(length));
        }
        long lengthFieldSize = lenIn.pos() - unitOffset;
        if (length < 0 || length > lenIn.remaining()) {
            throw lenIn.error(unitOffset, "unit_length " + Long.toUnsignedString(length)
                    + " runs past the end of the section (" + lenIn.remaining() + " bytes remain)");
        }
        ByteSlice unit = debugLine.slice(unitOffset, lengthFieldSize + length,
                debugLine.structure() + " unit at 0x" + Long.toHexString(unitOffset));
        DwarfCursor in = new DwarfCursor(unit, fileName, lengthFieldSize);

        int version = in.u16();
        if (version < 2 || version > 5) {
            throw in.error(lengthFieldSize, "unsupported line table version " + version);
        }
        int addressSize = 0;
        if (version >= 5) {
            long at = in.pos();
            addressSize = in.u8();
            if (addressSize != 1 && addressSize != 2 && addressSize != 4 && addressSize != 8) {
                throw in.error(at, "unsupported address_size " + addressSize);
            }
            in.u8();   // segment_selector_size: DW_LNE_set_address carries no segment, so unused
        }
        long headerLengthAt = in.pos();
        long headerLength = in.offset(offsetSize);
        long programStart = in.pos() + headerLength;
        if (headerLength < 0 || headerLength > in.remaining()) {
            throw in.error(headerLengthAt, "header_length " + Long.toUnsignedString(headerLength)
                    + " runs past the end of the unit (" + in.remaining() + " bytes remain)");
        }
        // Header fields and tables must lie before the first opcode.
        ByteSlice headerBytes = unit.slice(0, programStart, unit.structure() + " header");
        DwarfCursor h = new DwarfCursor(headerBytes, fileName, in.pos());

        int minInstLength = h.u8();
        long maxOpsAt = h.pos();
        int maxOps = version >= 4 ? h.u8() : 1;
        if (maxOps == 0) {
            throw h.error(maxOpsAt, "maximum_operations_per_instruction is 0");
        }
        boolean defaultIsStmt = h.u8() != 0;
        int lineBase = h.s8();
        int lineRange = h.u8();   // 0 is rejected only if a special opcode needs it
        long opcodeBaseAt = h.pos();
        int opcodeBase = h.u8();
        if (opcodeBase == 0) {
            throw h.error(opcodeBaseAt, "opcode_base is 0 (must be at least 1)");
        }
        int[] standardLengths = new int[opcodeBase - 1];
        for (int i = 0; i < standardLengths.length; i++) {
            standardLengths[i] = h.u8();
        }

        List<String> dirs = new ArrayList<>();
        List<FileEntry> files = new ArrayList<>();
        if (version >= 5) {
            EntryFormatReader r = new EntryFormatReader(h, strings, offsetSize);
            for (EntryFormatReader.Entry e : r.readTable("directory")) {
                dirs.add(e.path());
            }
            for (EntryFormatReader.Entry e : r.readTable("file name")) {
                files.add(new FileEntry(e.path(), e.directoryIndex()));
            }
        } else {
            for (String d = h.cString(); !d.isEmpty(); d = h.cString()) {
                dirs.add(d);
            }
            for (String f = h.cString(); !f.isEmpty(); f = h.cString()) {
                long dir = h.uleb();
                h.uleb();   // modification time
                h.uleb();   // length
                files.add(new FileEntry(f, dir));
            }
        }
        LineHeader header = new LineHeader(unitOffset, version, offsetSize, addressSize, minInstLength,
                maxOps, defaultIsStmt, lineBase, lineRange, opcodeBase, standardLengths,
                List.copyOf(dirs), List.copyOf(files), programStart, unit.length());
        return new LineUnit(header, unit);
    }
}
