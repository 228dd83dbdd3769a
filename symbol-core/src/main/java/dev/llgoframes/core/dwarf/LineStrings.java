package dev.llgoframes.core.dwarf;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

/** The string sections that DWARF 5 line headers point into; either may be absent. */
final class LineStrings {
    private final String fileName;
    private final ByteSlice debugLineStr;
    private final ByteSlice debugStr;

    LineStrings(String fileName, ByteSlice debugLineStr, ByteSlice debugStr) {
        this.fileName = fileName;
        this.debugLineStr = debugLineStr;
        this.debugStr = debugStr;
    }

    String lineStr(long offset, DwarfCursor at, long atPos) throws BinaryFormatException {
        return read(debugLineStr, ".debug_line_str", offset, at, atPos);
    }

    String str(long offset, DwarfCursor at, long atPos) throws BinaryFormatException {
        return read(debugStr, ".debug_str", offset, at, atPos);
    }

    private String read(ByteSlice section, String name, long offset, DwarfCursor at, long atPos)
            throws BinaryFormatException {
        if (section == null) {
            throw at.error(atPos, "string refers to " + name + " but the file has no such section");
        }
        if (offset < 0 || offset >= section.length()) {
            throw at.error(atPos, "offset 0x" + Long.toHexString(offset) + " is outside " + name
                    + " (" + section.length() + " bytes)");
        }
        return new DwarfCursor(section, fileName, offset).cString();
    }
}
