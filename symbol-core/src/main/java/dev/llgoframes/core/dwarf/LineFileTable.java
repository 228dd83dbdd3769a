package dev.llgoframes.core.dwarf;

import dev.llgoframes.core.io.BinaryFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the file register of one unit into an interned path. Indexes are checked only when a
 * row uses them, so an unused bad entry does not spoil the unit.
 *
 * <p>DWARF 5: directory 0 is the compilation directory and file 0 the primary file. DWARF 2-4:
 * directory 0 means the compilation directory (known only from .debug_info, so the caller may
 * supply it) and files are numbered from 1. Relative directories are under the compilation
 * directory.
 */
final class LineFileTable {
    private final LineHeader header;
    private final String compDir;   // may be null
    private final FileRegistry registry;
    private final List<FileEntry> files;
    private final Map<Long, Integer> resolved = new HashMap<>();

    LineFileTable(LineHeader header, String externalCompDir, FileRegistry registry) {
        this.header = header;
        this.registry = registry;
        this.files = new ArrayList<>(header.files());
        String cd = externalCompDir;
        if (header.version() >= 5 && !header.directories().isEmpty()) {
            cd = PathJoin.join(externalCompDir, header.directories().get(0));
        }
        this.compDir = cd;
    }

    /** DW_LNE_define_file (DWARF 2-4): a file appended to the table by the program itself. */
    void define(String name, long directoryIndex) {
        files.add(new FileEntry(name, directoryIndex));
    }

    /** The registry id for the file register's value; errors name the offending opcode offset. */
    int resolve(long fileIndex, DwarfCursor at, long atPos) throws BinaryFormatException {
        Integer id = resolved.get(fileIndex);
        if (id == null) {
            id = registry.idOf(path(fileIndex, at, atPos), at, atPos);
            resolved.put(fileIndex, id);
        }
        return id;
    }

    private String path(long fileIndex, DwarfCursor at, long atPos) throws BinaryFormatException {
        boolean v5 = header.version() >= 5;
        long slot = v5 ? fileIndex : fileIndex - 1;
        if (slot < 0 || slot >= files.size()) {
            throw at.error(atPos, "file index " + Long.toUnsignedString(fileIndex) + " is out of range ("
                    + files.size() + " file entries, " + (v5 ? "0" : "1") + "-based)");
        }
        FileEntry f = files.get((int) slot);
        if (PathJoin.isAbsolute(f.name())) {
            return f.name();
        }
        return PathJoin.join(directory(f.directoryIndex(), fileIndex, at, atPos), f.name());
    }

    private String directory(long dirIndex, long fileIndex, DwarfCursor at, long atPos)
            throws BinaryFormatException {
        List<String> dirs = header.directories();
        if (header.version() >= 5) {
            if (dirIndex < 0 || dirIndex >= dirs.size()) {
                throw dirError(dirIndex, fileIndex, dirs.size(), at, atPos);
            }
            return dirIndex == 0 ? compDir : PathJoin.join(compDir, dirs.get((int) dirIndex));
        }
        if (dirIndex == 0) {
            return compDir;
        }
        if (dirIndex < 0 || dirIndex > dirs.size()) {
            throw dirError(dirIndex, fileIndex, dirs.size(), at, atPos);
        }
        return PathJoin.join(compDir, dirs.get((int) dirIndex - 1));
    }

    private static BinaryFormatException dirError(long dirIndex, long fileIndex, int count, DwarfCursor at,
            long atPos) {
        return at.error(atPos, "file " + Long.toUnsignedString(fileIndex) + " uses directory index "
                + Long.toUnsignedString(dirIndex) + " but there are only " + count + " directories");
    }
}
