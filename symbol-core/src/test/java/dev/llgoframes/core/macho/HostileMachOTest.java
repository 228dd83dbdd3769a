package dev.llgoframes.core.macho;

import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.BinaryImages;
import dev.llgoframes.core.image.OpenOptions;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.fixtures.macho.MachOFixture;
import dev.llgoframes.fixtures.macho.MachOMode;
import dev.llgoframes.fixtures.macho.MachOOptions;
import dev.llgoframes.fixtures.macho.MachOProgram;
import dev.llgoframes.fixtures.macho.MachOWriter;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Truncated, lying and looping Mach-O files: only BinaryFormatException may escape, it names the
 * file, and no allocation follows a count that the bytes do not back.
 */
class HostileMachOTest {
    private static final Path NAME = Path.of("hostile-macho");

    static byte[] bytes(MachOMode mode) {
        return MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(mode)).executable();
    }

    /** Opens, inspects and symbolizes; returns normally or with a typed error naming the file. */
    static void survive(byte[] data, String what) {
        try {
            BinaryImage img = BinaryImages.parse(NAME, data, OpenOptions.defaults());
            img.details();
            LlgoBinary b = LlgoBinary.load(img);
            Symbolizer s = Symbolizer.of(b);
            for (long pc = 0x100000f00L; pc < 0x100002300L; pc += 0x41) {
                s.symbolize(pc, true);
            }
        } catch (BinaryFormatException e) {
            assertTrue(e.getMessage().startsWith(NAME + ": "), what + ": " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new AssertionError(what + ": untyped failure", e);
        }
    }

    @Test
    void everyTruncationOfASmallFixtureIsTyped() {
        for (MachOMode m : List.of(MachOMode.RAW, MachOMode.PREBUILT_LTO)) {
            byte[] full = bytes(m);
            for (int len = 0; len < full.length; len++) {
                survive(Arrays.copyOf(full, len), m + " truncated to " + len);
            }
        }
        byte[] fat = UniversalTest.fat();
        for (int len = 0; len < fat.length; len += 7) {
            survive(Arrays.copyOf(fat, len), "fat truncated to " + len);
        }
    }

    @Test
    void lyingHeaderAndCommandFieldsAreTyped() {
        byte[] full = bytes(MachOMode.RAW);
        ByteBuffer b = ByteBuffer.wrap(full).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> fields = new ArrayList<>(List.of(16, 20));   // ncmds, sizeofcmds
        int ncmds = b.getInt(16);
        int at = 32;
        int fixups = -1;
        for (int i = 0; i < ncmds; i++) {
            int cmd = b.getInt(at);
            fields.add(at + 4);   // cmdsize
            if (cmd == 0x19) {
                for (int o : new int[] {24, 32, 40, 48, 64}) {
                    fields.add(at + o);   // vmaddr, vmsize, fileoff, filesize (low words), nsects
                }
                int nsects = b.getInt(at + 64);
                for (int k = 0; k < nsects; k++) {
                    int s = at + 72 + 80 * k;
                    for (int o : new int[] {32, 40, 48, 52, 64}) {
                        fields.add(s + o);
                    }
                }
            } else if (cmd == 0x2) {
                for (int o : new int[] {8, 12, 16, 20}) {
                    fields.add(at + o);
                }
            } else if (cmd == 0x80000034) {
                fields.add(at + 8);
                fields.add(at + 12);
                fixups = b.getInt(at + 8);
            }
            at += b.getInt(at + 4);
        }
        for (int o = 0; o < 28; o += 4) {
            fields.add(fixups + o);   // every fixups header field
        }
        int starts = fixups + b.getInt(fixups + 4);
        int segCount = b.getInt(starts);
        fields.add(starts);
        for (int i = 0; i < segCount; i++) {
            fields.add(starts + 4 + 4 * i);
            int rel = b.getInt(starts + 4 + 4 * i);
            if (rel != 0) {
                for (int o : new int[] {0, 4, 6, 20, 22, 24}) {
                    fields.add(starts + rel + o);   // size, page_size|format, page_count, page_start[0..]
                }
            }
        }
        int[] values = {0, 1, 2, 3, 6, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0xffffffff, full.length, full.length + 1};
        for (int field : fields) {
            for (int v : values) {
                byte[] copy = full.clone();
                ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(field, v);
                survive(copy, "field @" + field + " = " + v);
            }
        }
    }

    @Test
    void chainsThatLeaveThePageOrRevisitASlotEndWithAnError() throws Exception {
        byte[] full = bytes(MachOMode.RAW);
        MachOImage img = MachOImage.parse(NAME, full, OpenOptions.defaults());
        MachOSegment data = img.segments().stream().filter(s -> s.name().equals("__DATA")).findFirst().orElseThrow();
        long firstSlot = img.llgoSection(dev.llgoframes.core.image.LlgoSection.PCLINE_SITES).orElseThrow().address();
        int slotOff = (int) (data.fileOffset() + firstSlot - data.address());

        byte[] leave = full.clone();
        ByteBuffer lb = ByteBuffer.wrap(leave).order(ByteOrder.LITTLE_ENDIAN);
        lb.putLong(slotOff, lb.getLong(slotOff) | (0xFFFL << 51));   // stride 16380 bytes: past the 16 KiB page end
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> MachOImage.parse(NAME, leave, OpenOptions.defaults()));
        assertTrue(e.getMessage().contains("runs past the end") || e.getMessage().contains("beyond the segment"), e.getMessage());

        // __PAGEZERO remapped onto __DATA and given __DATA's chain starts: every slot is reached twice
        byte[] twice = full.clone();
        ByteBuffer tb = ByteBuffer.wrap(twice).order(ByteOrder.LITTLE_ENDIAN);
        int pagezero = 32;
        tb.putLong(pagezero + 24, data.address());
        tb.putLong(pagezero + 32, data.memSize());
        tb.putLong(pagezero + 40, data.fileOffset());
        tb.putLong(pagezero + 48, data.fileSize());
        tb.putInt(pagezero + 60, 3);
        int fixups = fixupsOffset(tb);
        int starts = fixups + tb.getInt(fixups + 4);
        tb.putInt(starts + 4, tb.getInt(starts + 4 + 4 * data.index()));
        BinaryFormatException r = assertThrows(BinaryFormatException.class, () -> MachOImage.parse(NAME, twice, OpenOptions.defaults()));
        assertTrue(r.getMessage().contains("reached by a second chain"), r.getMessage());

        // the longest legal chain (stride 1 everywhere) ends: forward-only strides cannot loop
        byte[] dense = full.clone();
        ByteBuffer db = ByteBuffer.wrap(dense).order(ByteOrder.LITTLE_ENDIAN);
        long end = data.fileOffset() + data.fileSize();
        for (long o = slotOff; o + 8 <= end && o < slotOff + 0x800; o += 4) {
            db.putInt((int) o, 0);
            db.putInt((int) o + 4, 1 << (51 - 32));   // next = 1
        }
        survive(dense, "dense chain");
    }

    @Test
    void randomByteFlipsNeverEscapeUntyped() {
        Random r = new Random(7);
        for (MachOMode m : List.of(MachOMode.RAW, MachOMode.PREBUILT_LTO, MachOMode.DWARF_NO_SITES)) {
            byte[] full = bytes(m);
            for (int round = 0; round < 400; round++) {
                byte[] copy = full.clone();
                for (int k = 0; k < 6; k++) {
                    copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
                }
                survive(copy, m + " round " + round);
            }
        }
    }

    @Test
    void notMachOAndUnsupportedKindsAreNamed() {
        byte[] full = bytes(MachOMode.RAW);
        byte[] m32 = full.clone();
        ByteBuffer.wrap(m32).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0xFEEDFACE);
        assertTrue(assertThrows(BinaryFormatException.class, () -> BinaryImages.parse(NAME, m32, OpenOptions.defaults()))
                .getMessage().contains("32-bit"));
        byte[] ppc = full.clone();
        ByteBuffer.wrap(ppc).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x01000012);
        assertTrue(assertThrows(BinaryFormatException.class, () -> BinaryImages.parse(NAME, ppc, OpenOptions.defaults()))
                .getMessage().contains("x86_64 or arm64"));
        byte[] classFile = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 0};
        assertThrows(BinaryFormatException.class, () -> BinaryImages.parse(NAME, classFile, OpenOptions.defaults()));
    }

    private static int fixupsOffset(ByteBuffer b) {
        int at = 32;
        for (int i = 0; i < b.getInt(16); i++) {
            if (b.getInt(at) == 0x80000034) {
                return b.getInt(at + 8);
            }
            at += b.getInt(at + 4);
        }
        throw new IllegalStateException();
    }
}
