package dev.llgoframes.core.macho;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.util.ArrayList;
import java.util.List;

/** Reads the LC_SYMTAB nlist_64 array; names must start inside the string table. */
final class NlistTable {
    private NlistTable() {}

    static List<NlistEntry> read(ByteSlice f, LoadCommands.SymtabCommand st, int sectionCount) throws BinaryFormatException {
        ByteSlice syms = f.slice(st.symoff(), st.nsyms() * MachO.NLIST_SIZE, "nlist table");
        ByteSlice strs = f.slice(st.stroff(), st.strsize(), "symbol string table");
        List<NlistEntry> out = new ArrayList<>((int) st.nsyms());
        for (long i = 0; i < st.nsyms(); i++) {
            long at = i * MachO.NLIST_SIZE;
            long strx = syms.u32(at);
            int type = syms.u8(at + 4);
            int sect = syms.u8(at + 5);
            int desc = syms.u16(at + 6);
            long value = syms.u64(at + 8);
            if (strx >= Math.max(1, st.strsize()) && !(strx == 0 && st.strsize() == 0)) {
                throw syms.error(at, "nlist " + i + " name offset " + strx + " is outside the string table of " + st.strsize() + " bytes");
            }
            String name = st.strsize() == 0 ? "" : strs.cString(strx);
            NlistEntry e = new NlistEntry(name, type, sect, desc, value);
            if (e.isDefinedInSection() && (sect == 0 || sect > sectionCount)) {
                throw syms.error(at, "nlist " + i + " (" + name + ") names section " + sect + " of " + sectionCount);
            }
            out.add(e);
        }
        return out;
    }
}
