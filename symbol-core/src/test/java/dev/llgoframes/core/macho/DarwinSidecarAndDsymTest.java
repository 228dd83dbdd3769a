package dev.llgoframes.core.macho;

import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.image.LlgoSection;
import dev.llgoframes.core.image.OpenOptions;
import dev.llgoframes.core.sidecar.SidecarReader;
import dev.llgoframes.core.sidecar.SidecarResult;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.Provenance;
import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.core.symbolize.TableMode;
import dev.llgoframes.fixtures.macho.DebugLineWriter;
import dev.llgoframes.fixtures.macho.MachOFixture;
import dev.llgoframes.fixtures.macho.MachOMode;
import dev.llgoframes.fixtures.macho.MachOOptions;
import dev.llgoframes.fixtures.macho.MachOProgram;
import dev.llgoframes.fixtures.macho.MachOTruth;
import dev.llgoframes.fixtures.macho.MachOWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** External mode on darwin (§5: GOOS 2, identity in __DATA,__llgo_pid) and DWARF from a dSYM. */
class DarwinSidecarAndDsymTest {
    @TempDir
    Path dir;

    @Test
    void externalImagePairsWithADarwinSidecar() throws Exception {
        MachOFixture f = MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(MachOMode.EXTERNAL));
        Path exe = f.writeTo(dir, "prog");
        LlgoBinary b = LlgoBinary.open(exe);
        ImageSection id = b.image().llgoSection(LlgoSection.IDENTITY).orElseThrow();
        assertEquals("__DATA,__llgo_pid", id.name());
        assertArrayEquals(f.truth().identity().orElseThrow(), SidecarReader.identityOf(b.image()).orElseThrow());
        assertEquals(2, f.sidecar().orElseThrow()[18], "GOOS darwin");
        assertInstanceOf(SidecarResult.Loaded.class, b.configuration().sidecar().orElseThrow());
        // the image itself has null globals and zeroed sites with their chain nodes removed
        ImageSection pcl = b.image().llgoSection(LlgoSection.PCLINE_SITES).orElseThrow();
        byte[] zeros = b.image().sectionData(pcl).bytes(0, pcl.size());
        assertTrue(Arrays.equals(zeros, new byte[zeros.length]));
        MachOImage img = (MachOImage) b.image();
        assertFalse(img.chainedFixups().at(pcl.address()).isPresent());

        byte[] linuxSidecar = f.sidecar().get().clone();
        linuxSidecar[18] = 1;
        Files.write(dir.resolve("prog.pclntab"), linuxSidecar);
        SidecarResult r = LlgoBinary.open(exe).configuration().sidecar().orElseThrow();
        assertInstanceOf(SidecarResult.Corrupt.class, r);
        assertTrue(r.describe().contains("GOOS code 1 does not match the darwin executable"), r.describe());

        byte[] stale = f.executable().clone();
        stale[(int) id.fileOffset()] ^= 1;
        Files.write(dir.resolve("prog.pclntab"), f.sidecar().get());
        Files.write(exe, stale);
        LlgoBinary s = LlgoBinary.open(exe);
        assertEquals(TableMode.EXTERNAL, s.configuration().mode());
        assertInstanceOf(SidecarResult.Stale.class, s.configuration().sidecar().orElseThrow());

        Files.delete(dir.resolve("prog.pclntab"));
        assertInstanceOf(SidecarResult.Missing.class, LlgoBinary.open(exe).configuration().sidecar().orElseThrow());
    }

    @Test
    void dsymNextToTheBinaryGivesCLines() throws Exception {
        MachOFixture f = MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(MachOMode.RAW).withDsym(true));
        Path exe = f.writeTo(dir, "prog");
        LlgoBinary b = LlgoBinary.open(exe);
        assertTrue(b.configuration().dwarf());
        assertTrue(b.image().details().stream().anyMatch(d -> d.startsWith("debug: dSYM ") && d.contains("prog.dSYM")),
                b.image().details().toString());
        Symbolizer s = Symbolizer.of(b);
        int i = 0;
        for (MachOTruth.Function c : f.truth().cFunctions()) {
            SymbolizedPc r = s.symbolize(c.start() + 2, false);
            assertEquals(c.symbol(), r.function());
            assertEquals(DebugLineWriter.C_FILE, r.file());
            assertEquals(100 + i++, r.line());
            assertEquals(Provenance.DWARF, r.provenance());
        }
        for (MachOTruth.Anchor a : f.truth().anchors()) {
            SymbolizedPc r = s.symbolize(a.pc(), false);
            assertEquals(a.line(), r.line());
            assertEquals(Provenance.TABLES, r.provenance(), "Go statements come from LLGo's tables");
        }
    }

    @Test
    void explicitDsymMismatchAndAbsence() throws Exception {
        MachOFixture f = MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(MachOMode.RAW).withDsym(true));
        Path exe = f.writeTo(dir.resolve("a"), "prog");
        Path renamed = dir.resolve("b").resolve("other");
        Files.createDirectories(renamed.getParent());
        Files.copy(exe, renamed);
        assertFalse(LlgoBinary.open(renamed).configuration().dwarf(), "no dSYM next to the copy");
        Path bundle = dir.resolve("a").resolve("prog.dSYM");
        LlgoBinary viaBundle = LlgoBinary.open(renamed, OpenOptions.defaults().withDsym(bundle));
        assertTrue(viaBundle.configuration().dwarf(), "bundle given explicitly; its one DWARF file is used");
        Path dwarfFile = bundle.resolve("Contents/Resources/DWARF/prog");
        assertTrue(LlgoBinary.open(renamed, OpenOptions.defaults().withDsym(dwarfFile)).configuration().dwarf());

        MachOFixture other = MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(MachOMode.PREBUILT).withDsym(true));
        Files.write(dwarfFile, other.dsym().orElseThrow());
        LlgoBinary mismatch = LlgoBinary.open(exe);
        assertFalse(mismatch.configuration().dwarf());
        assertTrue(mismatch.image().details().stream().anyMatch(d -> d.contains("differs")), mismatch.image().details().toString());
        Files.write(dwarfFile, new byte[] {1, 2, 3});
        LlgoBinary broken = LlgoBinary.open(exe);
        assertFalse(broken.configuration().dwarf());
        assertTrue(broken.image().details().stream().anyMatch(d -> d.contains("unreadable")), broken.image().details().toString());
    }
}
