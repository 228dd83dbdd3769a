package dev.llgoframes.core.sidecar;

import dev.llgoframes.core.funcinfo.FuncRecord;
import dev.llgoframes.core.funcinfo.Fnv;
import dev.llgoframes.core.funcinfo.PclineRecord;
import dev.llgoframes.core.funcinfo.Site;
import dev.llgoframes.core.image.Arch;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.testing.IdentityImage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 624-byte sidecar produced by LLGo's own encoder (§5.8), and its rejections. */
class SidecarVectorTest {
    static byte[] vector() throws IOException {
        try (InputStream in = SidecarVectorTest.class.getResourceAsStream("/vectors/sidecar-5.8.bin")) {
            return in.readAllBytes();
        }
    }

    static byte[] identity() {
        byte[] id = new byte[32];
        for (int i = 0; i < 32; i++) {
            id[i] = (byte) i;
        }
        return id;
    }

    @Test
    void decodesEveryTableOfTheVector() throws Exception {
        SidecarResult r = SidecarReader.parse(new IdentityImage(0x200000, identity(), Arch.X86_64), Path.of("v.pclntab"), vector());
        Sidecar s = assertInstanceOf(SidecarResult.Loaded.class, r).sidecar();
        assertEquals(0x40d1a5418fcd29beL, s.checksum());
        assertEquals(0x1000, s.textStart());
        assertEquals(0x1100, s.textEnd());
        List<FuncRecord> recs = s.tables().records();
        assertEquals(List.of(
                new FuncRecord(1, "main.helper", "main.helper", "/src/app/main.go", 9),
                new FuncRecord(2, "main.main", "main.main", "/src/app/main.go", 4),
                new FuncRecord(3, "main.main$1", "main.main.func1", "/src/app/main.go", 6)), recs);
        assertEquals(new PclineRecord(0xc035da7d3842e759L, 2, "/src/app/util.go", 12), s.tables().pclineById(Fnv.pclineId("main.main", 2)).orElseThrow());
        assertEquals(new PclineRecord(0xdf30a1864332317aL, 2, "/src/app/main.go", 5), s.tables().pclineById(Fnv.pclineId("main.main", 1)).orElseThrow());
        assertEquals(3, s.tables().recordBySymbol("main.main$1").orElseThrow().index());
        assertEquals(1, s.tables().symbolIndexLookup(0xa6904045d1e1cd86L));
        assertEquals(List.of(new Site(0x201000, Fnv.symbolId("main.main")), new Site(0x201040, Fnv.symbolId("main.main$1")),
                new Site(0x201080, Fnv.symbolId("main.helper"))), s.entrySites());
        assertEquals(new Site(0x201024, Fnv.pclineId("main.main", 2)), s.pclineSites().get(1));
    }

    @Test
    void identityMismatchIsStaleNotCorrupt() throws Exception {
        byte[] other = identity();
        other[31] ^= 1;
        SidecarResult r = SidecarReader.parse(new IdentityImage(0x200000, other, Arch.X86_64), Path.of("v.pclntab"), vector());
        assertTrue(assertInstanceOf(SidecarResult.Stale.class, r).reason().contains("does not match"));
    }

    @Test
    void everyRuntimeCheckRejectsItsMutation() throws Exception {
        IdentityImage image = new IdentityImage(0x200000, identity(), Arch.X86_64);
        record Mutation(String expect, int offset, int value) {}
        List<Mutation> ms = List.of(
                new Mutation("magic", 0, 'X'),
                new Mutation("version", 8, 3),
                new Mutation("header size", 13, 2),
                new Mutation("ABI", 20, 2),
                new Mutation("pointer size", 16, 4),
                new Mutation("little-endian", 17, 2),
                new Mutation("GOOS", 18, 2),
                new Mutation("GOARCH", 19, 2),
                new Mutation("file-size", 24, 0x71),
                new Mutation("checksum", 0x200, 0x99),
                new Mutation("overlap", 0x60, 0x10),
                new Mutation("aligned", 0x70, 0x59));
        for (Mutation m : ms) {
            byte[] v = vector();
            v[m.offset()] = (byte) m.value();
            SidecarResult r = SidecarReader.parse(image, Path.of("v.pclntab"), v);
            SidecarResult.Corrupt c = assertInstanceOf(SidecarResult.Corrupt.class, r, m.expect());
            assertTrue(c.reason().contains(m.expect()), m.expect() + " -> " + c.reason());
        }
        // aarch64 executable vs amd64 sidecar
        SidecarResult arch = SidecarReader.parse(new IdentityImage(0x200000, identity(), Arch.AARCH64), Path.of("v"), vector());
        assertTrue(assertInstanceOf(SidecarResult.Corrupt.class, arch).reason().contains("GOARCH"));
    }

    @Test
    void truncationAtEveryLengthIsATypedResult() throws Exception {
        byte[] v = vector();
        IdentityImage image = new IdentityImage(0x200000, identity(), Arch.X86_64);
        for (int len = 0; len < v.length; len++) {
            byte[] t = java.util.Arrays.copyOf(v, len);
            try {
                SidecarResult r = SidecarReader.parse(image, Path.of("t"), t);
                assertInstanceOf(SidecarResult.Corrupt.class, r, "length " + len);
            } catch (BinaryFormatException e) {
                assertTrue(e.getMessage().startsWith("t: "), e.getMessage());
            }
        }
    }
}
