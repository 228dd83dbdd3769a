package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.dwarf.DebugSections;
import dev.llgoframes.core.dwarf.DwarfLineTable;
import dev.llgoframes.core.dwarf.LineRow;
import dev.llgoframes.core.dwarf.LineTableOptions;
import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.util.List;
import java.util.Optional;

/** Picks the line source for an image: its DWARF line table when present and readable. */
public final class LineSources {
    private LineSources() {}

    /**
     * The DWARF line source, parsed on first use (most lookups are Go pcs answered by the
     * tables), or {@link LineSource#NONE}; a broken table is reported, not fatal.
     */
    public static LineSource forImage(BinaryImage image) {
        if (image.debugImage().debugSection(".debug_line").isEmpty()) {
            return LineSource.NONE;
        }
        return new LazyLineSource(() -> {
            try {
                return dwarf(image).orElse(LineSource.NONE);
            } catch (BinaryFormatException e) {
                return LineSource.NONE;
            }
        });
    }

    private static final class LazyLineSource implements LineSource {
        private final java.util.function.Supplier<LineSource> loader;
        private volatile LineSource loaded;

        LazyLineSource(java.util.function.Supplier<LineSource> loader) {
            this.loader = loader;
        }

        private LineSource get() {
            LineSource l = loaded;
            if (l == null) {
                synchronized (this) {
                    l = loaded;
                    if (l == null) {
                        l = loader.get();
                        loaded = l;
                    }
                }
            }
            return l;
        }

        @Override public Optional<SourceLine> lookup(long pc) { return get().lookup(pc); }

        @Override public List<Long> addressesFor(String file, int line) { return get().addressesFor(file, line); }
    }

    /** Strict variant for inspect: tells why DWARF could not be used. */
    public static Optional<LineSource> dwarf(BinaryImage executable) throws BinaryFormatException {
        BinaryImage image = executable.debugImage();   // Mach-O: the dSYM
        Optional<ImageSection> line = image.debugSection(".debug_line");
        if (line.isEmpty()) {
            return Optional.empty();
        }
        ByteSlice lines = data(image, line.get());
        ByteSlice lineStr = optional(image, ".debug_line_str");
        ByteSlice str = optional(image, ".debug_str");
        // Lenient: one bad unit (e.g. from a foreign object) must not hide the others.
        DwarfLineTable table = DwarfLineTable.parse(image.displayName(), lines, lineStr, str, LineTableOptions.LENIENT);
        return Optional.of(new DwarfLineSource(table));
    }

    private static ByteSlice optional(BinaryImage image, String name) throws BinaryFormatException {
        Optional<ImageSection> s = image.debugSection(name);
        return s.isEmpty() ? null : data(image, s.get());
    }

    private static ByteSlice data(BinaryImage image, ImageSection s) throws BinaryFormatException {
        ByteSlice raw = image.sectionData(s);
        if ((s.flags() & DebugSections.SHF_COMPRESSED) != 0) {
            return DebugSections.decompress(raw, true);
        }
        return raw;
    }

    private record DwarfLineSource(DwarfLineTable table) implements LineSource {
        @Override
        public Optional<SourceLine> lookup(long pc) {
            Optional<LineRow> r = table.lookup(pc);
            return r.filter(row -> row.line() > 0).map(row -> new SourceLine(row.file(), row.line()));
        }

        @Override
        public List<Long> addressesFor(String file, int line) {
            return table.addressesFor(file, line);
        }
    }
}
