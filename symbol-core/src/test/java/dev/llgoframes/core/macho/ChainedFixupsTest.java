package dev.llgoframes.core.macho;

import dev.llgoframes.core.image.OpenOptions;
import dev.llgoframes.fixtures.Fnv;
import dev.llgoframes.fixtures.macho.MachOFixture;
import dev.llgoframes.fixtures.macho.MachOMode;
import dev.llgoframes.fixtures.macho.MachOOptions;
import dev.llgoframes.fixtures.macho.MachOProgram;
import dev.llgoframes.fixtures.macho.MachOTruth;
import dev.llgoframes.fixtures.macho.MachOWriter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §3.7.7 decoding: rebase formats 2 and 6, binds to the executable itself, unresolvable binds, imports 1–3. */
class ChainedFixupsTest {
    private static MachOImage image(MachOOptions o) throws Exception {
        MachOFixture f = MachOWriter.write(MachOProgram.standard(), o);
        return MachOImage.parse(Path.of("prog"), f.executable(), OpenOptions.defaults());
    }

    @Test
    void rebaseFormatsDecodeToTheSameVmaddr() throws Exception {
        for (int format : new int[] {2, 6}) {
            MachOOptions o = MachOOptions.defaults(MachOMode.RAW).withPointerFormat(format);
            MachOFixture f = MachOWriter.write(MachOProgram.standard(), o);
            MachOImage img = MachOImage.parse(Path.of("prog"), f.executable(), OpenOptions.defaults());
            long slot = img.llgoSection(dev.llgoframes.core.image.LlgoSection.PCLINE_SITES).orElseThrow().address();
            MachOTruth.Anchor first = f.truth().anchors().get(0);
            long raw = img.readMemory(slot, 8, "slot").u64(0);
            long stored = raw & 0xFFFFFFFFFL;
            assertEquals(format == 2 ? first.pc() : first.pc() - 0x100000000L, stored, "on-disk target, format " + format);
            assertTrue((raw >>> 51 & 0xFFF) != 0, "the node links to the next slot");
            assertEquals(first.pc(), img.readPointer(slot, "slot"), "decoded, format " + format);
            assertEquals(List.of(format), List.copyOf(img.chainedFixups().pointerFormats()));
        }
    }

    @Test
    void bindsResolveToTheExecutablesOwnSymbolsOrToNothing() throws Exception {
        for (int importsFormat : new int[] {1, 2, 3}) {
            MachOImage img = image(MachOOptions.defaults(MachOMode.RAW).withImportsFormat(importsFormat));
            ChainedFixups fx = img.chainedFixups();
            assertEquals(2, fx.imports().size());
            assertEquals("_malloc", fx.imports().get(0).rawName());
            assertEquals(1, fx.imports().get(0).libOrdinal());
            assertEquals(-3, fx.imports().get(1).libOrdinal(), "weak lookup, format " + importsFormat);
            assertEquals(3, fx.bindCount());
            assertEquals(2, fx.unresolvedBindCount(), "malloc from libSystem and an ordinal past the table");
            // the entry site of the weak generic instance binds to itself + the 8-bit addend
            long carrier = img.llgoSection(dev.llgoframes.core.image.LlgoSection.ENTRY_SITES).orElseThrow().address();
            long start = img.staticSymbols().stream().filter(s -> s.name().equals("example.com/p.A[int]")).findFirst().orElseThrow().value();
            boolean found = false;
            for (long at = carrier; at < carrier + 16 * 12; at += 16) {
                ChainedFixup x = fx.at(at).orElse(null);
                long id = img.readMemory(at + 8, 8, "id").u64(0);
                if (x != null && x.kind() == ChainedFixup.Kind.BIND && x.resolved()) {
                    assertEquals(start + 4, x.value());
                    assertEquals(Fnv.symbolID("example.com/p.A[int]"), id);
                    found = true;
                }
                if (x != null && x.kind() == ChainedFixup.Kind.BIND && !x.resolved()) {
                    assertEquals(0, img.readPointer(at, "site"), "an unresolvable bind reads as null: the site is dropped");
                    assertTrue(x.importOrdinal() >= fx.imports().size());
                }
            }
            assertTrue(found, "self bind present");
        }
    }

    @Test
    void slotsOutsideChainsReadAsStored() throws Exception {
        MachOImage img = image(MachOOptions.defaults(MachOMode.RAW));
        long count = img.staticSymbols().stream().filter(s -> s.name().equals("__llgo_funcinfo_count")).findFirst().orElseThrow().value();
        assertFalse(img.chainedFixups().at(count).isPresent());
        assertEquals(7, img.readPointer(count, "count"));
    }

    @Test
    void symbolsLoseOneUnderscoreAndKeepItRaw() throws Exception {
        MachOImage img = image(MachOOptions.defaults(MachOMode.RAW));
        assertTrue(img.nlist().stream().anyMatch(e -> e.rawName().equals("_main.main")));
        assertTrue(img.nlist().stream().anyMatch(e -> e.rawName().equals("___llgo_funcinfo_table")));
        assertTrue(img.staticSymbols().stream().anyMatch(s -> s.name().equals("main.main")));
        assertTrue(img.staticSymbols().stream().anyMatch(s -> s.name().equals("__llgo_funcinfo_table")));
        assertTrue(img.staticSymbols().stream().anyMatch(s -> s.name().equals("_mh_execute_header")));
        // hidden globals are non-external (N_PEXT) but still found
        assertTrue(img.staticSymbols().stream().anyMatch(s -> s.name().equals("__llgo_funcinfo_symbol_index")
                && s.binding() == dev.llgoframes.core.image.ImageSymbol.Binding.LOCAL));
        var helper = img.staticSymbols().stream().filter(s -> s.name().equals("main.helper")).findFirst().orElseThrow();
        assertEquals(0x40, helper.size(), "size = distance to the next symbol");
        assertEquals(dev.llgoframes.core.image.ImageSymbol.Type.FUNC, helper.type());
    }

    @Test
    void darwinDladdrSeesLocalSymbolsDlsymOnlyExported() throws Exception {
        MachOImage img = image(MachOOptions.defaults(MachOMode.RAW));
        var dyn = dev.llgoframes.core.resolve.DynamicSymbols.forImage(img);
        long helper = img.staticSymbols().stream().filter(s -> s.name().equals("main.helper")).findFirst().orElseThrow().value();
        assertEquals("main.helper", dyn.dladdr(helper + 8).orElseThrow().name());
        assertEquals(0, dyn.dlsym("main.helper"), "local: not exported");
        assertTrue(dyn.dlsym("main.main") != 0);
    }
}
