package dev.llgoframes.core.fuzz;

import dev.llgoframes.core.funcinfo.GlobalsLocator;
import dev.llgoframes.core.funcinfo.TableGlobals;
import dev.llgoframes.core.image.ElfImage;
import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.image.ImageSegment;
import dev.llgoframes.core.image.ImageSymbol;
import dev.llgoframes.core.io.BinaryFormatException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a fixture keeps its §3.1 globals and the tables they point at, as file offsets, so the
 * table fuzz tests can lie about exactly one count, pointer or field.
 */
final class ElfLayout {
    final String variant;
    final byte[] bytes;
    final ElfImage image;
    final TableGlobals globals;
    /** File offset of each global's 8-byte slot (by name), for the globals the symbol table names. */
    final Map<String, Long> globalSlots = new HashMap<>();
    final long[] nearby;

    private ElfLayout(String variant) {
        this.variant = variant;
        this.bytes = FuzzSupport.base(variant);
        try {
            this.image = ElfImage.parse(Path.of(variant), bytes);
            this.globals = GlobalsLocator.fromSymbols(image);
        } catch (BinaryFormatException e) {
            throw new IllegalStateException("fixture " + variant + " does not parse", e);
        }
        for (ImageSymbol s : image.staticSymbols()) {
            if (s.name().startsWith("__llgo_") && s.isDefined()) {
                long off = fileOffset(s.value());
                if (off >= 0) {
                    globalSlots.putIfAbsent(s.name(), off);
                }
            }
        }
        TableGlobals g = globals;
        long[] values = {g.table(), g.count(), g.strings(), g.stringOffsets(), g.stringCount(), g.hash(), g.hashMask(),
            g.symbolIndex(), g.symbolIndexCount(), g.entryStart(), g.entryEnd(), g.pclineTable(), g.pclineCount(),
            g.pcsiteStart(), g.pcsiteEnd()};
        long[] all = new long[values.length + 2 * image.sections().size()];
        System.arraycopy(values, 0, all, 0, values.length);
        int n = values.length;
        for (ImageSection s : image.sections()) {
            all[n++] = s.address();
            all[n++] = s.end();
        }
        this.nearby = all;
    }

    static ElfLayout of(String variant) {
        return new ElfLayout(variant);
    }

    /** File offset of a virtual address in a PT_LOAD segment's file bytes, or -1. */
    long fileOffset(long address) {
        for (ImageSegment seg : image.loadSegments()) {
            long rel = address - seg.address();
            if (Long.compareUnsigned(address, seg.address()) >= 0 && Long.compareUnsigned(rel, seg.fileSize()) < 0) {
                return seg.fileOffset() + rel;
            }
        }
        return -1;
    }
}
