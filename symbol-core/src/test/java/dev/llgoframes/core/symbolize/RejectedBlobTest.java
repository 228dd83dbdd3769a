package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.image.ImageSymbol;
import dev.llgoframes.core.image.LlgoSection;
import dev.llgoframes.core.resolve.FunctionTable;
import dev.llgoframes.core.resolve.Sym;
import dev.llgoframes.core.testing.PatchedCopy;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A carrier whose LLGOFTB1 blob (or LLGOFTB2 redirect) fails the runtime's adoption checks is read
 * as raw sites, as the runtime does (§4.3, §4.7, §6.1): the blob's bytes are no usable sites, so the
 * function table comes from dlsym over the exported symbols, and pcs still resolve to the function
 * whose exported symbol lies nearest below. Real gcc-built fixtures, patched in a copy.
 */
class RejectedBlobTest {
    @TempDir
    Path dir;

    @Test
    void aBlobThatFailsAdoptionFallsBackToDlsymRows() throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant("prebuilt"));
        LlgoBinary good = LlgoBinary.open(f.executable());
        assertEquals(FunctionTable.Mode.PREBUILT, good.resolver().functionTable().mode());
        ImageSection carrier = good.image().llgoSection(LlgoSection.ENTRY_SITES).orElseThrow();

        // count (offset 24) above 16·N + 1: the last adoption check of §4.3 fails
        Path patched = PatchedCopy.write(f.executable(), dir, carrier.fileOffset() + 24, 0x7fff_ffff, 4);
        assertFallsBackToDlsym(good, LlgoBinary.open(patched), "count");
    }

    @Test
    void aRedirectThatMissesTheStubSectionFallsBackToDlsymRows() throws Exception {
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant("redirect"));
        LlgoBinary good = LlgoBinary.open(f.executable());
        assertEquals(FunctionTable.Mode.PREBUILT, good.resolver().functionTable().mode());
        ImageSection carrier = good.image().llgoSection(LlgoSection.ENTRY_SITES).orElseThrow();
        ImageSection stub = good.image().llgoSection(LlgoSection.STUB_SITES).orElseThrow();

        // the live pointer (offset 16) no longer equals the stub section start
        Path patched = PatchedCopy.write(f.executable(), dir, carrier.fileOffset() + 16, stub.address() + 8, 8);
        assertFallsBackToDlsym(good, LlgoBinary.open(patched), "redirect");
    }

    private static void assertFallsBackToDlsym(LlgoBinary good, LlgoBinary bad, String what) throws Exception {
        Configuration c = bad.configuration();
        FunctionTable ft = bad.resolver().functionTable();
        assertEquals(FunctionTable.Mode.FIRST_USE, ft.mode(), what + ": " + c.notes());
        assertEquals(FunctionTable.EntrySource.DLSYM, ft.entrySource(), what + ": " + c.notes());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("raw sites") || n.contains("redirect")), c.notes().toString());

        // one row per function record whose linker symbol the dynamic symbol table exports (§6.8);
        // the blob's rows are the records' entries, so they say which exported symbols have one
        FunctionTable blob = good.resolver().functionTable();
        java.util.Set<Long> recordEntries = new java.util.HashSet<>();
        for (int i = 0; i < blob.rowCount(); i++) {
            recordEntries.add(blob.rowEntry(i));
        }
        java.util.List<ImageSymbol> exported = good.image().dynamicSymbols().stream()
                .filter(s -> s.value() != 0 && recordEntries.contains(s.value())).toList();
        assertTrue(exported.size() > 5, "the fixture exports its Go functions: " + exported);
        assertEquals(exported.size(), ft.rowCount(), what);

        // every exported Go function resolves from its own entry up to its size, as with the blob
        for (ImageSymbol s : exported) {
            if (s.size() < 2) {
                continue;
            }
            long pc = s.value() + s.size() - 1;
            Sym viaDlsym = bad.resolver().resolve(pc);
            Sym viaBlob = good.resolver().resolve(pc);
            assertEquals(viaBlob.function(), viaDlsym.function(), what + ": pc 0x" + Long.toHexString(pc));
            assertEquals(s.value(), viaDlsym.entry(), what + ": " + s.name());
        }
    }
}
