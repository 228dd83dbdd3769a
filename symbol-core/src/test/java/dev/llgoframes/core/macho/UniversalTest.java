package dev.llgoframes.core.macho;

import dev.llgoframes.core.image.Arch;
import dev.llgoframes.core.image.BinaryImages;
import dev.llgoframes.core.image.OpenOptions;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.core.symbolize.TableMode;
import dev.llgoframes.fixtures.macho.MachOArch;
import dev.llgoframes.fixtures.macho.MachOFixture;
import dev.llgoframes.fixtures.macho.MachOMode;
import dev.llgoframes.fixtures.macho.MachOOptions;
import dev.llgoframes.fixtures.macho.MachOProgram;
import dev.llgoframes.fixtures.macho.MachOTruth;
import dev.llgoframes.fixtures.macho.MachOWriter;
import dev.llgoframes.fixtures.macho.UniversalWriter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A universal file with an x86_64 (raw, format 2) and an arm64 (prebuilt, format 6) slice. */
class UniversalTest {
    static final MachOFixture X86 = MachOWriter.write(MachOProgram.standard(),
            MachOOptions.defaults(MachOMode.RAW).withArch(MachOArch.X86_64).withPointerFormat(2));
    static final MachOFixture ARM = MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(MachOMode.PREBUILT));

    static byte[] fat() {
        return UniversalWriter.write(List.of(UniversalWriter.Slice.of(MachOArch.X86_64, X86.executable()),
                UniversalWriter.Slice.of(MachOArch.ARM64, ARM.executable())));
    }

    @Test
    void defaultIsTheFirstSliceAndArchPicksAnother() throws Exception {
        byte[] fat = fat();
        MachOImage def = (MachOImage) BinaryImages.parse(Path.of("fat"), fat, OpenOptions.defaults());
        assertEquals(Arch.X86_64, def.arch());
        assertEquals(2, def.slices().size());
        assertTrue(def.details().stream().anyMatch(d -> d.startsWith("slice 0: x86_64") && d.endsWith("(selected)")), def.details().toString());
        assertTrue(def.details().stream().anyMatch(d -> d.startsWith("slice 1: arm64")), def.details().toString());
        MachOImage arm = (MachOImage) BinaryImages.parse(Path.of("fat"), fat, OpenOptions.defaults().withArch(Arch.AARCH64));
        assertEquals(Arch.AARCH64, arm.arch());
        assertTrue(arm.format().contains("slice 1 of 2"), arm.format());

        LlgoBinary x = LlgoBinary.load(def);
        LlgoBinary a = LlgoBinary.load(arm);
        assertEquals(TableMode.EMBEDDED_RAW, x.configuration().mode());
        assertEquals(TableMode.EMBEDDED_PREBUILT, a.configuration().mode());
        for (LlgoBinary b : List.of(x, a)) {
            Symbolizer s = Symbolizer.of(b);
            for (MachOTruth.Anchor an : X86.truth().anchors()) {
                assertEquals(an.line(), s.symbolize(an.pc(), false).line(), b.image().format() + " " + an);
            }
        }
    }

    @Test
    void aMissingArchitectureIsATypedError() throws Exception {
        byte[] onlyX86 = UniversalWriter.write(List.of(UniversalWriter.Slice.of(MachOArch.X86_64, X86.executable())));
        BinaryFormatException e = assertThrows(BinaryFormatException.class,
                () -> BinaryImages.parse(Path.of("fat"), onlyX86, OpenOptions.defaults().withArch(Arch.AARCH64)));
        assertTrue(e.getMessage().contains("no arm64 slice (slices: x86_64)"), e.getMessage());
        BinaryFormatException thin = assertThrows(BinaryFormatException.class,
                () -> BinaryImages.parse(Path.of("thin"), X86.executable(), OpenOptions.defaults().withArch(Arch.AARCH64)));
        assertTrue(thin.getMessage().contains("no arm64 slice"), thin.getMessage());
        // a slice whose header names another CPU than the fat_arch entry
        byte[] lying = UniversalWriter.write(List.of(UniversalWriter.Slice.of(MachOArch.ARM64, X86.executable())));
        assertThrows(BinaryFormatException.class, () -> BinaryImages.parse(Path.of("fat"), lying, OpenOptions.defaults()));
    }
}
