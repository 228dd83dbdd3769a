package dev.llgoframes.dap.gdb;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class MiParserTest {
    @Test
    void resultRecordWithTokenTuplesAndLists() {
        MiRecord.ResultRecord r = assertInstanceOf(MiRecord.ResultRecord.class, MiParser.parse(
                "12^done,stack=[frame={level=\"0\",addr=\"0x0000000000401136\",func=\"cexc_leaf_segv\",arch=\"i386:x86-64\"},"
                        + "frame={level=\"1\",addr=\"0x401150\",func=\"main[callC]\"}]"));
        assertEquals(12L, r.token());
        assertEquals("done", r.resultClass());
        List<MiValue.Tuple> frames = MiValue.tuplesOf(r.results().list("stack"));
        assertEquals(2, frames.size());
        assertEquals("cexc_leaf_segv", frames.get(0).stringOr("func", null));
        assertEquals("main[callC]", frames.get(1).stringOr("func", null));
    }

    @Test
    void execAsyncStopWithNestedTupleAndValueList() {
        MiRecord.AsyncRecord a = assertInstanceOf(MiRecord.AsyncRecord.class, MiParser.parse(
                "*stopped,reason=\"signal-received\",signal-name=\"SIGSEGV\",signal-meaning=\"Segmentation fault\","
                        + "frame={addr=\"0x401136\",func=\"cexc_leaf_segv\",args=[]},thread-id=\"1\",stopped-threads=\"all\""));
        assertNull(a.token());
        assertEquals(MiRecord.AsyncKind.EXEC, a.kind());
        assertEquals("stopped", a.asyncClass());
        assertEquals("SIGSEGV", a.results().stringOr("signal-name", null));
        assertEquals("0x401136", a.results().tuple("frame").orElseThrow().stringOr("addr", null));
        assertEquals(MiRecord.AsyncKind.NOTIFY, ((MiRecord.AsyncRecord) MiParser.parse("=thread-group-started,id=\"i1\",pid=\"42\"")).kind());
        MiRecord.AsyncRecord names = (MiRecord.AsyncRecord) MiParser.parse("=x,names=[\"rax\",\"\",\"rbx\"]");
        assertEquals(3, names.results().list("names").size());
    }

    @Test
    void streamRecordsDecodeEscapesAndOctalUtf8() {
        MiRecord.StreamRecord s = assertInstanceOf(MiRecord.StreamRecord.class,
                MiParser.parse("~\"Using \\\"lib\\\"\\tx\\n\\303\\251\""));
        assertEquals(MiRecord.StreamKind.CONSOLE, s.kind());
        assertEquals("Using \"lib\"\tx\né", s.text());
        assertEquals(MiRecord.StreamKind.LOG, ((MiRecord.StreamRecord) MiParser.parse("&\"warning\\n\"")).kind());
        assertEquals(MiRecord.StreamKind.TARGET, ((MiRecord.StreamRecord) MiParser.parse("@\"out\"")).kind());
    }

    @Test
    void promptAndErrorRecord() {
        assertInstanceOf(MiRecord.Prompt.class, MiParser.parse("(gdb) "));
        MiRecord.ResultRecord e = (MiRecord.ResultRecord) MiParser.parse("3^error,msg=\"No symbol \\\"x\\\" in current context.\"");
        assertEquals(true, e.isError());
        assertEquals("No symbol \"x\" in current context.", e.results().stringOr("msg", null));
    }

    @Test
    void garbageNeverThrowsAndSaysWhere() {
        for (String g : List.of("", "hello world", "^done,", "^done,a=", "^done,a=\"unterminated", "*stopped,frame={a=\"1\"",
                "~\"x\" trailing", "12", "^done,a=[b=\"1\",\"2\"", "\\", "^done,=\"x\"", "~\"dangling\\")) {
            MiRecord r = MiParser.parse(g);
            MiRecord.Unparsed u = assertInstanceOf(MiRecord.Unparsed.class, r, g);
            assertEquals(g, u.line());
        }
        MiRecord.Unparsed u = (MiRecord.Unparsed) MiParser.parse("^done,a=\"1\"x");
        assertEquals(11, u.offset());
    }
}
