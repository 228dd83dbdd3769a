package dev.llgoframes.lsp.services;

import com.google.gson.JsonParser;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings shapes, document roles and incremental edits. */
class SettingsAndDocumentsTest {
    @Test
    void settingsComeInOneShapeWithOrWithoutTheSectionWrapper() {
        String section = "{\"binaries\":[\"bin/*\",\"/abs/prog\"],\"substitutePath\":[{\"from\":\"/b\",\"to\":\"/l\"}],"
                + "\"goroot\":\"/go\",\"diagnostics\":false}";
        Settings a = SettingsParser.parse(JsonParser.parseString(section));
        Settings b = SettingsParser.parse(JsonParser.parseString("{\"llgoFrames\":" + section + "}"));
        assertEquals(a, b);
        assertEquals(List.of("bin/*", "/abs/prog"), a.binaries());
        assertEquals(List.of(new Settings.Substitution("/b", "/l")), a.substitutePath());
        assertEquals("/go", a.goroot());
        assertFalse(a.diagnostics());
        assertTrue(a.problems().isEmpty());
    }

    @Test
    void wrongEntriesAreSkippedAndNamed() {
        Settings s = SettingsParser.parse(JsonParser.parseString(
                "{\"binaries\":[1,\"ok\"],\"substitutePath\":[{\"from\":\"/x\"}],\"goroot\":5,\"diagnostics\":\"no\"}"));
        assertEquals(List.of("ok"), s.binaries());
        assertTrue(s.substitutePath().isEmpty());
        assertNull(s.goroot());
        assertTrue(s.diagnostics());
        assertEquals(4, s.problems().size(), s.problems().toString());
        assertEquals(Settings.DEFAULT, SettingsParser.parse(null));
        assertEquals(Settings.DEFAULT, SettingsParser.parse(JsonParser.parseString("[1]")));
    }

    @Test
    void rolesByLanguageExtensionAndFirstLine() {
        assertEquals(DocumentRole.TRACE, DocumentRole.of("llgo-trace", "file:///a.txt", ""));
        assertEquals(DocumentRole.TRACE, DocumentRole.of("log", "file:///a.log", ""));
        assertEquals(DocumentRole.TRACE, DocumentRole.of("", "file:///a.crash", ""));
        assertEquals(DocumentRole.TRACE, DocumentRole.of("markdown", "file:///a.md", "\ngoroutine 7 [chan receive]:\n"));
        assertEquals(DocumentRole.TRACE, DocumentRole.of("json", "file:///a", "panic: boom\n"));
        assertEquals(DocumentRole.GO, DocumentRole.of("go", "file:///a.go", "package main"));
        assertEquals(DocumentRole.NONE, DocumentRole.of("markdown", "file:///a.md", "# goroutine 1 [x]"));
    }

    @Test
    void incrementalEditsApplyInOrderInUtf16Units() {
        TextDocument d = TextDocument.of("u", "plaintext", 1, "héllo 😀 world\r\nsecond\n");
        // Replace "world" (after a surrogate pair: column counts UTF-16 units).
        d = d.apply(new TextDocumentContentChangeEvent(new Range(new Position(0, 9), new Position(0, 14)), "there"), 2);
        assertEquals("héllo 😀 there\r\nsecond\n", d.text());
        d = d.apply(new TextDocumentContentChangeEvent(new Range(new Position(1, 0), new Position(1, 6)), "2nd"), 3);
        assertEquals("héllo 😀 there\r\n2nd\n", d.text());
        // Past the end: clamped to the end, never an exception.
        d = d.apply(new TextDocumentContentChangeEvent(new Range(new Position(50, 3), new Position(60, 0)), "tail"), 4);
        assertEquals("héllo 😀 there\r\n2nd\ntail", d.text());
        assertEquals(-1, d.lines().offsetOf(new Position(9, 0)));
        assertEquals(new Position(1, 0), d.lines().positionOf(d.text().indexOf("2nd")));
    }
}
