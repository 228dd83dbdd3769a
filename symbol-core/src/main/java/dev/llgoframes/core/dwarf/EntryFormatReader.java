package dev.llgoframes.core.dwarf;

import dev.llgoframes.core.io.BinaryFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the self-describing directory and file tables of a DWARF 5 line header: a list of
 * (content type, form) pairs followed by entries encoded with those forms.
 */
final class EntryFormatReader {
    static final int DW_LNCT_PATH = 1;
    static final int DW_LNCT_DIRECTORY_INDEX = 2;

    static final int DW_FORM_BLOCK2 = 0x03;
    static final int DW_FORM_BLOCK4 = 0x04;
    static final int DW_FORM_DATA2 = 0x05;
    static final int DW_FORM_DATA4 = 0x06;
    static final int DW_FORM_DATA8 = 0x07;
    static final int DW_FORM_STRING = 0x08;
    static final int DW_FORM_BLOCK = 0x09;
    static final int DW_FORM_BLOCK1 = 0x0a;
    static final int DW_FORM_DATA1 = 0x0b;
    static final int DW_FORM_STRP = 0x0e;
    static final int DW_FORM_UDATA = 0x0f;
    static final int DW_FORM_DATA16 = 0x1e;
    static final int DW_FORM_LINE_STRP = 0x1f;

    private record Format(long contentType, long form) {}

    /** One decoded entry: the path (null if absent) and the directory index (0 if absent). */
    record Entry(String path, long directoryIndex) {}

    private final DwarfCursor in;
    private final LineStrings strings;
    private final int offsetSize;

    EntryFormatReader(DwarfCursor in, LineStrings strings, int offsetSize) {
        this.in = in;
        this.strings = strings;
        this.offsetSize = offsetSize;
    }

    /** Reads "format count, formats, entry count, entries" for one table. */
    List<Entry> readTable(String what) throws BinaryFormatException {
        int formatCount = in.u8();
        List<Format> formats = new ArrayList<>(formatCount);
        for (int i = 0; i < formatCount; i++) {
            formats.add(new Format(in.uleb(), in.uleb()));
        }
        long countAt = in.pos();
        long count = in.uleb();
        if (count != 0 && formatCount == 0) {
            throw in.error(countAt, what + " count is " + Long.toUnsignedString(count)
                    + " but no entry format is given");
        }
        // Every supported form takes at least one byte, so the bytes left bound the count;
        // this keeps a hostile count from driving a huge allocation or an endless loop.
        if (count < 0 || count > in.remaining()) {
            throw in.error(countAt, what + " count " + Long.toUnsignedString(count) + " exceeds the "
                    + in.remaining() + " bytes that remain");
        }
        List<Entry> entries = new ArrayList<>((int) Math.min(count, 1024));
        for (long i = 0; i < count; i++) {
            entries.add(readEntry(formats, what));
        }
        return entries;
    }

    private Entry readEntry(List<Format> formats, String what) throws BinaryFormatException {
        String path = null;
        long dirIndex = 0;
        for (Format f : formats) {
            long at = in.pos();
            Object value = readForm(f.form());
            if (f.contentType() == DW_LNCT_PATH) {
                if (!(value instanceof String s)) {
                    throw in.error(at, what + " path uses non-string form 0x" + Long.toHexString(f.form()));
                }
                path = s;
            } else if (f.contentType() == DW_LNCT_DIRECTORY_INDEX) {
                if (!(value instanceof Long n)) {
                    throw in.error(at, what + " directory index uses non-numeric form 0x"
                            + Long.toHexString(f.form()));
                }
                dirIndex = n;
            }
            // Timestamps, sizes, MD5 and vendor content are read only to skip them.
        }
        if (path == null) {
            throw in.error(in.pos(), what + " entry has no DW_LNCT_path");
        }
        return new Entry(path, dirIndex);
    }

    /** A String for string forms, a Long for constants, null for skipped data. */
    private Object readForm(long form) throws BinaryFormatException {
        long at = in.pos();
        switch ((int) Math.min(form, Integer.MAX_VALUE)) {
            case DW_FORM_STRING:
                return in.cString();
            case DW_FORM_LINE_STRP:
                return strings.lineStr(in.offset(offsetSize), in, at);
            case DW_FORM_STRP:
                return strings.str(in.offset(offsetSize), in, at);
            case DW_FORM_UDATA:
                return in.uleb();
            case DW_FORM_DATA1:
                return (long) in.u8();
            case DW_FORM_DATA2:
                return (long) in.u16();
            case DW_FORM_DATA4:
                return in.u32();
            case DW_FORM_DATA8:
                return in.u64();
            case DW_FORM_DATA16:
                in.skip(16);   // MD5
                return null;
            case DW_FORM_BLOCK:
                in.skip(in.uleb());
                return null;
            case DW_FORM_BLOCK1:
                in.skip(in.u8());
                return null;
            case DW_FORM_BLOCK2:
                in.skip(in.u16());
                return null;
            case DW_FORM_BLOCK4:
                in.skip(in.u32());
                return null;
            default:
                throw in.error(at, "unsupported form 0x" + Long.toHexString(form) + " in line header entry");
        }
    }
}
