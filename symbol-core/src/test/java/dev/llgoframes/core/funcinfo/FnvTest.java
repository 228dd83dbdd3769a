package dev.llgoframes.core.funcinfo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** §2.4 vectors, verified against LLGo's own code. */
class FnvTest {
    @Test
    void symbolIdsAndHashesMatchTheSpecVectors() {
        String[][] v = {
            {"main.main", "88eef770c5aaa63b", "a8eba51b"},
            {"main", "1f5962a2ce9803c8", "ea90e208"},
            {"runtime.main", "8167bd4f8f7c4cce", "7198ea8e"},
            {"example.com/p.A", "252cf1080907d0b4", "a702d2b4"},
            {"example.com/p.B", "252cf4080907d5cd", "aa02d76d"},
            {"main.(*T).M", "56ec692c1be8187e", "93256abe"},
            {"main.main$1", "b31d74ab45dffb14", "28e4b214"},
        };
        for (String[] row : v) {
            assertEquals(Long.parseUnsignedLong(row[1], 16), Fnv.symbolId(row[0]), row[0]);
            assertEquals(Integer.parseUnsignedInt(row[2], 16), Fnv.hashString(row[0]), row[0]);
        }
    }

    @Test
    void pclineIdsMatchTheSpecVectors() {
        assertEquals(0xdf30a1864332317aL, Fnv.pclineId("main.main", 1));
        assertEquals(0xc035da7d3842e759L, Fnv.pclineId("main.main", 2));
        assertEquals(0x18b491631851342dL, Fnv.pclineId("main.g", 2));
    }

    @Test
    void namesSplitJoinAndNormalizeAsTheRuntimeDoes() {
        String[] s = Names.splitQualified("github.com/a/b.(*T).M");
        assertEquals("github.com/a/b", s[0]);
        assertEquals("(*T).M", s[1]);
        assertEquals("main.func1", Names.splitQualified("main.main.func1")[1]);
        assertEquals("", Names.splitQualified("main")[0]);
        assertEquals("main.f", Names.publicName("command-line-arguments.f"));
        assertEquals("_libc_start_main", Names.publicName("__libc_start_main"));
        assertEquals("main", Names.joinQualified("", "main"));
    }
}
