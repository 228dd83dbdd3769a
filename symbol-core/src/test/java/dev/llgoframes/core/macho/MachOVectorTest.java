package dev.llgoframes.core.macho;

import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.image.LlgoSection;
import dev.llgoframes.core.image.OpenOptions;
import dev.llgoframes.core.prebuilt.PrebuiltFuncTab;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.core.symbolize.TableMode;
import dev.llgoframes.fixtures.macho.MachOArch;
import dev.llgoframes.fixtures.macho.MachOFixture;
import dev.llgoframes.fixtures.macho.MachOMode;
import dev.llgoframes.fixtures.macho.MachOOptions;
import dev.llgoframes.fixtures.macho.MachOProgram;
import dev.llgoframes.fixtures.macho.MachOWriter;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The §4.8 Mach-O blob vector reproduced by the Java writer (arm64, __LLGO carrier at
 * 0x100042000, __text [0x100001000, 0x100041000)) and read back: header fields, the base slot
 * as a format-2 rebase with next 0 and page_start 0x10 (§4.4), 64 buckets, and the 57344 bytes
 * the compaction removes with 16 KiB page rounding.
 */
class MachOVectorTest {
    static MachOFixture vector() {
        MachOOptions o = MachOOptions.defaults(MachOMode.PREBUILT_LTO).withArch(MachOArch.ARM64).withPointerFormat(2)
                .withBinds(false, false).withCarrierBytes(0x12000);
        return MachOWriter.write(MachOProgram.vector48(), o);
    }

    @Test
    void writerReproducesTheVector() throws Exception {
        MachOFixture f = vector();
        assertEquals(0x100042000L, f.truth().carrierAddress());
        assertEquals(0x100001000L, f.truth().textStart());
        assertEquals(0x100041000L, f.truth().textEnd());
        assertEquals(57344, f.truth().carrierRemoved());
        MachOImage img = MachOImage.parse(Path.of("vector"), f.executable(), OpenOptions.defaults());
        ImageSection carrier = img.llgoSection(LlgoSection.ENTRY_SITES).orElseThrow();
        assertEquals("__LLGO,__llgo_fie", carrier.name());
        assertEquals(0x100042000L, carrier.address());
        assertEquals(32 + 8 * 3 + 36 * 64, carrier.size(), "section size = need after compaction");
        MachOSegment llgo = img.segments().stream().filter(s -> s.name().equals("__LLGO")).findFirst().orElseThrow();
        assertEquals(0x4000, llgo.fileSize(), "alignUp(need, 16 KiB)");
        assertEquals(0x12000, llgo.memSize(), "virtual size unchanged: the tail is zero-fill");

        ByteBuffer b = ByteBuffer.wrap(f.executable()).order(ByteOrder.LITTLE_ENDIAN);
        int at = (int) carrier.fileOffset();
        assertEquals(PrebuiltFuncTab.MAGIC, b.getLong(at));
        assertEquals(0x100042000L, b.getLong(at + 8), "link address");
        assertEquals(0x0000000100001010L, b.getLong(at + 16), "base slot raw: rebase, format 2, next 0");
        assertEquals(3, b.getInt(at + 24));
        assertEquals(64, b.getInt(at + 28));
        int[][] rows = {{0, 1}, {0x3eff0, 2}, {0x3fff0, 0}};
        for (int i = 0; i < 3; i++) {
            assertEquals(rows[i][0], b.getInt(at + 32 + 8 * i));
            assertEquals(rows[i][1], b.getInt(at + 36 + 8 * i));
        }
        assertEquals(0x10, pageStart(f.executable(), img, "__LLGO", 0), "page_start[0] of the carrier's first page");
        ChainedFixup base = img.chainedFixups().at(0x100042010L).orElseThrow();
        assertEquals(ChainedFixup.Kind.REBASE, base.kind());
        assertEquals(0x100001010L, base.value());
        assertEquals(java.util.Set.of(2), img.chainedFixups().pointerFormats());
    }

    @Test
    void readerUsesTheVectorBlob() throws Exception {
        MachOFixture f = vector();
        LlgoBinary bin = LlgoBinary.load(MachOImage.parse(Path.of("vector"), f.executable(), OpenOptions.defaults()));
        assertEquals(TableMode.EMBEDDED_PREBUILT, bin.configuration().mode(), bin.configuration().notes().toString());
        PrebuiltFuncTab blob = bin.resolver().functionTable().blob();
        assertEquals(0x100001010L, blob.base());
        assertEquals(64, blob.bucketCount());
        assertEquals(0x3fff0, blob.sentinelOffset());
        Symbolizer s = Symbolizer.of(bin);
        assertEquals("example.com/p.A", s.symbolize(0x100001010L, false).function());
        assertEquals("example.com/p.A", s.symbolize(0x10003ffffL, false).function());
        assertEquals("example.com/p.B", s.symbolize(0x100040000L, false).function());
        assertEquals("example.com/p.B", s.symbolize(0x100040fffL, false).function());
        assertTrue(bin.resolver().inText(0x100040fffL));
    }

    /** page_start[page] of a segment's starts-in-segment, read straight from the fixup blob. */
    static int pageStart(byte[] file, MachOImage img, String segment, int page) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int ncmds = b.getInt(16);
        int at = 32;
        int data = -1;
        for (int i = 0; i < ncmds; i++) {
            if (b.getInt(at) == 0x80000034) {
                data = b.getInt(at + 8);
            }
            at += b.getInt(at + 4);
        }
        int starts = data + b.getInt(data + 4);
        int index = img.segments().stream().filter(s -> s.name().equals(segment)).findFirst().orElseThrow().index();
        int seg = starts + b.getInt(starts + 4 + 4 * index);
        return b.getShort(seg + 22 + 2 * page) & 0xffff;
    }
}
