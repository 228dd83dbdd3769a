package dev.llgoframes.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.llgoframes.fixtures.macho.MachOArch;
import dev.llgoframes.fixtures.macho.MachOFixture;
import dev.llgoframes.fixtures.macho.MachOMode;
import dev.llgoframes.fixtures.macho.MachOOptions;
import dev.llgoframes.fixtures.macho.MachOProgram;
import dev.llgoframes.fixtures.macho.MachOTruth;
import dev.llgoframes.fixtures.macho.MachOWriter;
import dev.llgoframes.fixtures.macho.UniversalWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** inspect and symbolize on every Java-written Mach-O mode, a universal file and --arch/--dsym. */
class MachOCommandsTest {
    @TempDir
    Path dir;

    private Path write(MachOMode mode) {
        MachOFixture f = MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(mode).withDsym(mode == MachOMode.DWARF_NO_SITES));
        return f.writeTo(dir.resolve(mode.name()), "prog");
    }

    @ParameterizedTest
    @EnumSource(MachOMode.class)
    void inspectAndSymbolizeEveryMode(MachOMode mode) {
        Path exe = write(mode);
        MachOFixture f = MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(mode));
        CliRun inspect = CliRun.of("", "inspect", exe.toString());
        assertEquals(0, inspect.exit(), inspect.err());
        String out = inspect.out();
        assertTrue(out.contains("format:        Mach-O 64 MH_EXECUTE (PIE) arm64"), out);
        assertTrue(out.contains("symbols:       nlist with "), out);
        assertTrue(out.contains("image:         chained fixups: pointer format [6]"), out);
        assertTrue(out.contains("image:         LC_UUID "), out);
        String expected = switch (mode) {
            case RAW -> "raw entry sites";
            case PREBUILT, PREBUILT_LTO -> "prebuilt LLGOFTB1";
            case EXTERNAL -> "sidecar v4 loaded and paired";
            case DWARF_NO_SITES -> "embedded tables without site sections";
        };
        assertTrue(out.contains(expected), out);
        if (mode == MachOMode.DWARF_NO_SITES) {
            assertTrue(out.contains("dwarf lines:   present (__DWARF,__debug_line)"), out);
            assertTrue(out.contains("note:          no site sections (darwin DWARF build"), out);
        }

        MachOTruth t = f.truth();
        StringBuilder pcs = new StringBuilder();
        for (MachOTruth.Function g : t.goFunctions()) {
            pcs.append("0x").append(Long.toHexString(g.entryAnchor())).append('\n');
        }
        CliRun sym = CliRun.of(pcs.toString(), "symbolize", "--json", exe.toString());
        assertEquals(0, sym.exit(), sym.err() + sym.out());
        JsonArray arr = JsonParser.parseString(sym.out()).getAsJsonArray();
        for (int i = 0; i < t.goFunctions().size(); i++) {
            JsonObject o = arr.get(i).getAsJsonObject();
            assertEquals(t.goFunctions().get(i).display(), o.get("function").getAsString(), o.toString());
        }
        if (mode != MachOMode.DWARF_NO_SITES) {
            for (MachOTruth.Anchor a : t.anchors()) {
                CliRun one = CliRun.of("", "symbolize", exe.toString(), Long.toHexString(a.pc()));
                assertTrue(one.out().contains(" " + a.display() + " " + a.file() + ":" + a.line() + " "), one.out());
            }
        }
        MachOTruth.Function c = t.cFunctions().get(0);
        CliRun cl = CliRun.of("", "symbolize", exe.toString(), Long.toHexString(c.start()));
        assertTrue(cl.out().contains(" " + c.symbol() + " ") && cl.out().contains(" c "), cl.out());
    }

    @Test
    void universalFileSlicesAndArchOption() throws Exception {
        MachOFixture x86 = MachOWriter.write(MachOProgram.standard(),
                MachOOptions.defaults(MachOMode.RAW).withArch(MachOArch.X86_64).withPointerFormat(2));
        MachOFixture arm = MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(MachOMode.PREBUILT));
        Path fat = dir.resolve("fat");
        Files.write(fat, UniversalWriter.write(List.of(UniversalWriter.Slice.of(MachOArch.X86_64, x86.executable()),
                UniversalWriter.Slice.of(MachOArch.ARM64, arm.executable()))));
        CliRun def = CliRun.of("", "inspect", fat.toString());
        assertTrue(def.out().contains("x86_64 (slice 0 of 2 in a universal file)"), def.out());
        assertTrue(def.out().contains("image:         slice 0: x86_64") && def.out().contains("(selected)"), def.out());
        assertTrue(def.out().contains("image:         slice 1: arm64"), def.out());
        CliRun a = CliRun.of("", "inspect", "--arch", "arm64", fat.toString());
        assertTrue(a.out().contains("arm64 (slice 1 of 2") && a.out().contains("prebuilt LLGOFTB1"), a.out());
        MachOTruth.Anchor an = x86.truth().anchors().get(0);
        CliRun s = CliRun.of("", "symbolize", "--arch=arm64", fat.toString(), Long.toHexString(an.pc()));
        assertTrue(s.out().contains(":" + an.line() + " "), s.out());
        CliRun bad = CliRun.of("", "inspect", "--arch", "ppc", fat.toString());
        assertEquals(2, bad.exit());
        CliRun missing = CliRun.of("", "inspect", "--arch", "arm64", dir.resolve("x").toString());
        assertEquals(2, missing.exit());
    }

    @Test
    void dsymOptionAndTypedErrors() throws Exception {
        Path exe = write(MachOMode.DWARF_NO_SITES);
        Path copy = dir.resolve("copy");
        Files.copy(exe, copy);
        assertTrue(CliRun.of("", "inspect", copy.toString()).out().contains("dwarf lines:   absent"));
        CliRun with = CliRun.of("", "inspect", "--dsym", exe.resolveSibling("prog.dSYM").toString(), copy.toString());
        assertTrue(with.out().contains("dwarf lines:   present"), with.out());
        byte[] full = Files.readAllBytes(exe);
        Path cut = dir.resolve("cut");
        Files.write(cut, java.util.Arrays.copyOf(full, 600));
        CliRun r = CliRun.of("", "inspect", cut.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("llgo-frames: " + cut + ": "), r.err());
        assertEquals(1, r.err().lines().count());
    }

    @org.junit.jupiter.api.Test
    void traceRewritesAnLlgoTracebackFromADarwinBinary(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        dev.llgoframes.fixtures.macho.MachOFixture f = dev.llgoframes.fixtures.macho.MachOWriter.write(
                dev.llgoframes.fixtures.macho.MachOProgram.standard(),
                dev.llgoframes.fixtures.macho.MachOOptions.defaults(MachOMode.PREBUILT));
        java.nio.file.Path exe = f.writeTo(dir, "prog");
        // return addresses just after two anchors: LLGo's text for them, then the gc view
        List<dev.llgoframes.fixtures.macho.MachOTruth.Anchor> as = f.truth().anchors();
        String pcs = "0x" + Long.toHexString(as.get(0).pc() + 1) + "\n0x" + Long.toHexString(as.get(as.size() - 1).pc() + 1) + "\n";
        CliRun llgo = CliRun.of(pcs, "emulate", exe.toString(), "--panic", "--message", "boom");
        assertEquals(0, llgo.exit(), llgo.err());
        CliRun gc = CliRun.of(llgo.out(), "trace", "--color=never", "--binary", exe.toString());
        assertEquals(0, gc.exit(), gc.err());
        assertTrue(gc.out().startsWith("panic: boom\n"), gc.out());
        String first = as.get(0).display();
        assertTrue(gc.out().contains(first + "()\n\t" + as.get(0).file() + ":" + as.get(0).line()), llgo.out() + "\n---\n" + gc.out());
    }
}
