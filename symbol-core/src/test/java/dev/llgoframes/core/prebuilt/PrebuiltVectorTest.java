package dev.llgoframes.core.prebuilt;

import dev.llgoframes.core.io.ByteSlice;
import dev.llgoframes.core.resolve.FunctionTable;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The §4.8 ELF blob written by LLGo's pclnpost. */
class PrebuiltVectorTest {
    static byte[] blob() throws Exception {
        try (InputStream in = PrebuiltVectorTest.class.getResourceAsStream("/vectors/blob-4.8.bin")) {
            return in.readAllBytes();
        }
    }

    @Test
    void parsesRowsSentinelAndBuckets() throws Exception {
        ByteSlice b = ByteSlice.of(blob(), "blob", "carrier");
        PrebuiltFuncTab t = PrebuiltFuncTab.parse(b, 0x5c, b.u64(16), 2);
        assertEquals(0x14000, t.linkAddress());
        assertEquals(0x10000, t.base());
        assertArrayEquals(new int[] {0, 0x40}, t.entryOffsets());
        assertArrayEquals(new int[] {1, 2}, t.funcIndexes());
        assertEquals(0x80, t.sentinelOffset());
        assertEquals(1, t.bucketCount());
        assertEquals(0x5c, t.need());
        assertTrue(t.inText(0x1007f));
        assertFalse(t.inText(0x10080));
        FunctionTable ft = FunctionTable.prebuilt(t, 2);
        assertEquals(-1, ft.lookup(0xffff));
        assertEquals(0, ft.lookup(0x10000));
        assertEquals(0, ft.lookup(0x1003f));
        assertEquals(1, ft.lookup(0x10040));
        assertEquals(1, ft.lookup(0x7fffffff), "no upper bound");
        assertEquals(0x10040, ft.entryOf(2));
    }

    @Test
    void adoptionChecksRejectWhatTheRuntimeRejects() throws Exception {
        ByteSlice b = ByteSlice.of(blob(), "blob", "carrier");
        assertThrows(PrebuiltFuncTab.Rejected.class, () -> PrebuiltFuncTab.parse(b, 0x5b, 0x10000, 2), "need > carrier");
        assertThrows(PrebuiltFuncTab.Rejected.class, () -> PrebuiltFuncTab.parse(b, 0x5c, 0x10000, 0), "count > 16N+1");
        byte[] small = blob();
        small[24] = 1;
        assertThrows(PrebuiltFuncTab.Rejected.class, () -> PrebuiltFuncTab.parse(ByteSlice.of(small, "b", "c"), 0x5c, 0x10000, 2));
        assertThrows(PrebuiltFuncTab.Rejected.class, () -> PrebuiltFuncTab.parse(ByteSlice.of(new byte[16], "b", "c"), 16, 0, 2));
    }
}
