package dev.llgoframes.core.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one .debug_line unit from fields that tests can set to hostile values. DWARF 5
 * tables use (path: string) for directories and (path: string, directory: udata) for files
 * unless {@link #rawV5Tables} replaces them.
 */
final class LineProgramWriter {
    int version = 4;
    boolean dwarf64;
    int addressSize = 8;
    int segmentSelectorSize;
    int minInstLength = 1;
    int maxOps = 1;
    int defaultIsStmt = 1;
    int lineBase = -5;
    int lineRange = 14;
    int opcodeBase = 13;
    int[] standardLengths = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1};
    final List<String> dirs = new ArrayList<>();
    final List<Object[]> files = new ArrayList<>();   // {name, dirIndex}
    byte[] rawV5Tables;
    Long headerLengthOverride;
    Long unitLengthOverride;
    DwarfBytes program = new DwarfBytes();

    LineProgramWriter version(int v) {
        version = v;
        if (v < 4) {
            maxOps = 1;
        }
        if (v < 3) {
            opcodeBase = 10;
            standardLengths = new int[] {0, 1, 1, 1, 1, 0, 0, 0, 1};
        }
        return this;
    }

    LineProgramWriter dir(String d) { dirs.add(d); return this; }

    LineProgramWriter file(String name, long dir) { files.add(new Object[] {name, dir}); return this; }

    byte[] build() {
        DwarfBytes afterHeaderLength = new DwarfBytes();
        afterHeaderLength.u8(minInstLength);
        if (version >= 4) {
            afterHeaderLength.u8(maxOps);
        }
        afterHeaderLength.u8(defaultIsStmt).u8(lineBase).u8(lineRange).u8(opcodeBase);
        for (int len : standardLengths) {
            afterHeaderLength.u8(len);
        }
        if (version >= 5) {
            if (rawV5Tables != null) {
                afterHeaderLength.bytes(rawV5Tables);
            } else {
                afterHeaderLength.u8(1).uleb(1).uleb(0x08);
                afterHeaderLength.uleb(dirs.size());
                dirs.forEach(afterHeaderLength::cstr);
                afterHeaderLength.u8(2).uleb(1).uleb(0x08).uleb(2).uleb(0x0f);
                afterHeaderLength.uleb(files.size());
                for (Object[] f : files) {
                    afterHeaderLength.cstr((String) f[0]).uleb((Long) f[1]);
                }
            }
        } else {
            dirs.forEach(afterHeaderLength::cstr);
            afterHeaderLength.u8(0);
            for (Object[] f : files) {
                afterHeaderLength.cstr((String) f[0]).uleb((Long) f[1]).uleb(0).uleb(0);
            }
            afterHeaderLength.u8(0);
        }
        byte[] header = afterHeaderLength.toByteArray();
        byte[] prog = program.toByteArray();

        DwarfBytes body = new DwarfBytes();   // everything after unit_length
        body.u16(version);
        if (version >= 5) {
            body.u8(addressSize).u8(segmentSelectorSize);
        }
        long headerLength = headerLengthOverride != null ? headerLengthOverride : header.length;
        if (dwarf64) {
            body.u64(headerLength);
        } else {
            body.u32(headerLength);
        }
        body.bytes(header).bytes(prog);

        DwarfBytes unit = new DwarfBytes();
        long unitLength = unitLengthOverride != null ? unitLengthOverride : body.size();
        if (dwarf64) {
            unit.u32(0xffff_ffffL).u64(unitLength);
        } else {
            unit.u32(unitLength);
        }
        return unit.bytes(body.toByteArray()).toByteArray();
    }
}
