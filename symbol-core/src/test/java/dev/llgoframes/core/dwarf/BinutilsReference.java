package dev.llgoframes.core.dwarf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What readelf and addr2line say about a binary: the reference the reader must match. */
final class BinutilsReference {
    /** A readelf decodedline row; {@code line} is -1 for an end-of-sequence row ("-"). */
    record Row(String name, int line, long address, boolean isStmt) {
        boolean endSequence() { return line < 0; }
    }

    /** An addr2line answer; {@code file} null for "??". */
    record Location(String file, int line) {}

    // name, line or "-", address, optional view number, optional "x" for is_stmt
    private static final Pattern ROW =
            Pattern.compile("^(\\S+)\\s+(\\d+|-)\\s+0x([0-9a-f]+)(?:\\s+\\d+)?(\\s+x)?\\s*$");
    private static final Pattern LOCATION = Pattern.compile("^(.*):(\\d+|\\?)(?: \\(discriminator \\d+\\))?$");

    private BinutilsReference() {}

    static List<Row> decodedLines(Path elf) throws Exception {
        String text = NativeBuild.run(elf.getParent(), null,
                List.of("readelf", "-W", "--debug-dump=decodedline", elf.toString()));
        List<Row> rows = new ArrayList<>();
        for (String l : text.split("\n")) {
            Matcher m = ROW.matcher(l);
            if (m.matches()) {
                int line = m.group(2).equals("-") ? -1 : Integer.parseInt(m.group(2));
                rows.add(new Row(m.group(1), line, Long.parseUnsignedLong(m.group(3), 16), m.group(4) != null));
            }
        }
        return rows;
    }

    /** Runs {@code tool} ("addr2line" or "llvm-addr2line") on the pcs. */
    static List<Location> addr2line(String tool, Path elf, List<Long> pcs) throws Exception {
        StringBuilder in = new StringBuilder();
        for (long pc : pcs) {
            in.append("0x").append(Long.toHexString(pc)).append('\n');
        }
        String text = NativeBuild.run(elf.getParent(), in.toString(), List.of(tool, "-e", elf.toString()));
        List<Location> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            Matcher m = LOCATION.matcher(l);
            if (!m.matches()) {
                throw new AssertionError("unexpected " + tool + " output line: " + l);
            }
            // GNU addr2line prints line 0 as "?" but still names the file.
            int line = m.group(2).equals("?") ? 0 : Integer.parseInt(m.group(2));
            out.add(m.group(1).equals("??") ? new Location(null, 0) : new Location(m.group(1), line));
        }
        if (out.size() != pcs.size()) {
            throw new AssertionError(tool + " answered " + out.size() + " lines for " + pcs.size() + " addresses");
        }
        return out;
    }

    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
