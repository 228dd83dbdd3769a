package dev.llgoframes.core.dwarf;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The string sections that DWARF 5 line headers point into; either may be absent. Strings are
 * cached by offset, so the directory names that every unit repeats are decoded once. A budget
 * on the bytes decoded keeps hostile headers (thousands of offsets into one long string) from
 * costing more time or memory than a small multiple of the section size.
 */
final class LineStrings {
    private final String fileName;
    private final Section lineStr;
    private final Section str;

    LineStrings(String fileName, ByteSlice debugLineStr, ByteSlice debugStr) {
        this.fileName = fileName;
        this.lineStr = debugLineStr == null ? null : new Section(debugLineStr);
        this.str = debugStr == null ? null : new Section(debugStr);
    }

    String lineStr(long offset, DwarfCursor at, long atPos) throws BinaryFormatException {
        return read(lineStr, ".debug_line_str", offset, at, atPos);
    }

    String str(long offset, DwarfCursor at, long atPos) throws BinaryFormatException {
        return read(str, ".debug_str", offset, at, atPos);
    }

    private String read(Section section, String name, long offset, DwarfCursor at, long atPos)
            throws BinaryFormatException {
        if (section == null) {
            throw at.error(atPos, "string refers to " + name + " but the file has no such section");
        }
        if (offset < 0 || offset >= section.bytes.length()) {
            throw at.error(atPos, "offset 0x" + Long.toHexString(offset) + " is outside " + name
                    + " (" + section.bytes.length() + " bytes)");
        }
        String s = section.cache.get(offset);
        if (s == null) {
            s = section.decode(offset, at, atPos, name);
            section.cache.put(offset, s);
        }
        return s;
    }

    private final class Section {
        final ByteSlice bytes;
        final Map<Long, String> cache = new HashMap<>();
        long budget;   // bytes that may still be scanned and decoded

        Section(ByteSlice bytes) {
            this.bytes = bytes;
            this.budget = 2L * bytes.length() + (1 << 20);
        }

        String decode(long offset, DwarfCursor at, long atPos, String name) throws BinaryFormatException {
            long end = offset;
            while (end < bytes.length() && bytes.u8(end) != 0) {
                end++;
                if (--budget < 0) {
                    throw at.error(atPos, "string offsets into " + name + " decode to far more text than the "
                            + "section holds; refusing to continue");
                }
            }
            if (end >= bytes.length()) {
                throw new BinaryFormatException(fileName, name, bytes.fileOffset() + offset, "unterminated string");
            }
            return new String(bytes.bytes(offset, end - offset), StandardCharsets.UTF_8);
        }
    }
}
