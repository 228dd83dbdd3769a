package dev.llgoframes.core.dwarf;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decoded rows of every line program in a .debug_line section, stored column-wise in
 * primitive arrays, with pc lookup by binary search over sorted sequences and a lazily built
 * (file, line) index for breakpoints. Immutable after parsing and safe to share between threads.
 */
public final class DwarfLineTable {
    private final long[] address;
    private final int[] file;
    private final int[] line;
    private final int[] column;
    private final byte[] flags;
    private final int rowCount;
    private final List<String> paths;   // by file id
    private final SequenceIndex sequences;
    private final List<BinaryFormatException> problems;
    private final Set<String> files;
    private volatile SourceLineIndex sourceIndex;

    private DwarfLineTable(LineRowsBuilder b, List<String> paths, List<BinaryFormatException> problems) {
        this.rowCount = b.size;
        this.address = Arrays.copyOf(b.address, rowCount);
        this.file = Arrays.copyOf(b.file, rowCount);
        this.line = Arrays.copyOf(b.line, rowCount);
        this.column = Arrays.copyOf(b.column, rowCount);
        this.flags = Arrays.copyOf(b.flags, rowCount);
        this.paths = List.copyOf(paths);
        this.sequences = new SequenceIndex(address, b.seqFirst, b.seqEnd, b.seqCount);
        this.problems = List.copyOf(problems);
        this.files = usedFiles();
    }

    /** Parses every line program in .debug_line (DWARF versions 2, 3, 4 and 5). debugLineStr / debugStr may be null. */
    public static DwarfLineTable parse(String fileName, ByteSlice debugLine, ByteSlice debugLineStr, ByteSlice debugStr)
            throws BinaryFormatException {
        return parse(fileName, debugLine, debugLineStr, debugStr, LineTableOptions.STRICT);
    }

    /** As {@link #parse(String, ByteSlice, ByteSlice, ByteSlice)}, with compilation directories and error policy. */
    public static DwarfLineTable parse(String fileName, ByteSlice debugLine, ByteSlice debugLineStr, ByteSlice debugStr,
            LineTableOptions options) throws BinaryFormatException {
        LineStrings strings = new LineStrings(fileName, debugLineStr, debugStr);
        FileRegistry registry = new FileRegistry((long) debugLine.length()
                + (debugLineStr == null ? 0 : debugLineStr.length()) + (debugStr == null ? 0 : debugStr.length()));
        LineRowsBuilder rows = new LineRowsBuilder();
        List<BinaryFormatException> problems = new ArrayList<>();
        long offset = 0;
        while (offset < debugLine.length()) {
            LineUnit unit;
            try {
                unit = LineHeaderParser.parse(fileName, debugLine, offset, strings);
            } catch (BinaryFormatException e) {
                if (!options.skipBadUnits()) {
                    throw e;
                }
                problems.add(e);
                // Skip to the next unit if this one's length can be trusted; otherwise stop.
                long next = nextUnitOffset(debugLine, offset);
                if (next < 0) {
                    break;
                }
                offset = next;
                continue;
            }
            long mark = rows.mark();
            try {
                String compDir = options.compDirs() == null ? null : options.compDirs().apply(offset);
                LineFileTable files = new LineFileTable(unit.header(), compDir, registry);
                int dropped = LineStateMachine.run(unit, fileName, files, rows);
                if (dropped > 0) {
                    problems.add(new BinaryFormatException(fileName, unit.bytes().structure(),
                            unit.bytes().fileOffset(), dropped + " rows after the last end_sequence were ignored"));
                }
            } catch (BinaryFormatException e) {
                if (!options.skipBadUnits()) {
                    throw e;
                }
                rows.rollback(mark);
                problems.add(e);
            }
            offset += unit.bytes().length();
        }
        return new DwarfLineTable(rows, registry.paths(), problems);
    }

    /** Offset of the unit after the one at {@code offset}, or -1 if its length is unusable. */
    private static long nextUnitOffset(ByteSlice debugLine, long offset) {
        try {
            long len = debugLine.u32(offset);
            long size = 4;
            if (len == 0xffff_ffffL) {
                len = debugLine.u64(offset + 4);
                size = 12;
            } else if (len >= 0xffff_fff0L) {
                return -1;
            }
            return len >= 0 && debugLine.fits(offset + size, len) ? offset + size + len : -1;
        } catch (BinaryFormatException e) {
            return -1;
        }
    }

    /** The row covering pc: last row with address <= pc in a sequence whose end_sequence address > pc. */
    public Optional<LineRow> lookup(long pc) {
        int r = sequences.rowFor(pc, address);
        return r < 0 ? Optional.empty() : Optional.of(row(r));
    }

    /** Addresses of is_stmt rows for a source line; file matched by exact path or by path suffix on '/' boundaries. Sorted, unique. */
    public List<Long> addressesFor(String fileQuery, int sourceLine) {
        SourceLineIndex index = sourceIndex();
        long[] found = new long[0];
        for (int f = 0; f < paths.size(); f++) {
            if (pathMatches(paths.get(f), fileQuery)) {
                int[] rows = index.rowsAt(f, sourceLine);
                int n = found.length;
                found = Arrays.copyOf(found, n + rows.length);
                for (int r : rows) {
                    found[n++] = address[r];
                }
            }
        }
        long[] sorted = found;
        // Unsigned order: flip the sign bit, sort signed, flip back.
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] ^= Long.MIN_VALUE;
        }
        Arrays.sort(sorted);
        List<Long> out = new ArrayList<>(sorted.length);
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                out.add(sorted[i] ^ Long.MIN_VALUE);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Exact match, or {@code query} is a trailing run of whole path components of {@code path}. */
    static boolean pathMatches(String path, String query) {
        if (query.isEmpty()) {
            return false;
        }
        if (path.equals(query)) {
            return true;
        }
        return path.endsWith(query) && (query.startsWith("/")
                || path.charAt(path.length() - query.length() - 1) == '/');
    }

    private SourceLineIndex sourceIndex() {
        SourceLineIndex s = sourceIndex;
        if (s == null) {
            synchronized (this) {
                s = sourceIndex;
                if (s == null) {
                    s = new SourceLineIndex(paths.size(), rowCount, file, line, flags);
                    sourceIndex = s;
                }
            }
        }
        return s;
    }

    /** All rows, unit by unit in section order, each sequence in address order. A view, not a copy. */
    public List<LineRow> rows() {
        return new AbstractList<>() {
            @Override
            public LineRow get(int i) {
                if (i < 0 || i >= rowCount) {
                    throw new IndexOutOfBoundsException(i);
                }
                return row(i);
            }

            @Override
            public int size() { return rowCount; }
        };
    }

    /** Resolved paths of the files that rows refer to, in first-use order. */
    public Set<String> files() {
        return files;
    }

    private Set<String> usedFiles() {
        boolean[] used = new boolean[paths.size()];
        for (int r = 0; r < rowCount; r++) {
            used[file[r]] = true;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int f = 0; f < used.length; f++) {
            if (used[f]) {
                out.add(paths.get(f));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * What was skipped: units dropped under {@link LineTableOptions#skipBadUnits()} and rows of
     * unterminated sequences. Empty for a clean section.
     */
    public List<BinaryFormatException> problems() { return problems; }

    /** Number of non-empty sequences available to {@link #lookup(long)}. */
    public int sequenceCount() { return sequences.size(); }

    private LineRow row(int r) {
        return new LineRow(address[r], paths.get(file[r]), line[r], column[r],
                (flags[r] & LineRowsBuilder.STMT) != 0, (flags[r] & LineRowsBuilder.END) != 0);
    }
}
