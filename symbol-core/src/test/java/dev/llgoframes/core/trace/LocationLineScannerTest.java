package dev.llgoframes.core.trace;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** log, slog and go test location lines outside tracebacks. */
class LocationLineScannerTest {

    @Test
    void mixedLogOutput() {
        String text = Traces.load("locations_mixed.txt");
        TraceDocument doc = TraceParser.parse(text);
        assertTrue(doc.tracebacks().isEmpty());
        List<LocationToken> t = doc.locations();
        assertEquals(List.of(LocationToken.Kind.LOG, LocationToken.Kind.LOG, LocationToken.Kind.LOG,
                LocationToken.Kind.SLOG, LocationToken.Kind.SLOG, LocationToken.Kind.SLOG,
                LocationToken.Kind.TEST, LocationToken.Kind.TEST), t.stream().map(LocationToken::kind).toList());
        assertEquals("main.go", t.get(0).file());
        assertEquals(12, t.get(0).line());
        int at = text.indexOf("main.go:12");
        assertEquals(new TextRange(at, at + 10), t.get(0).range());
        assertEquals("/home/dev/demo/handlers/user.go", t.get(1).file());
        assertEquals("/home/dev/demo/handlers/user.go:88", t.get(1).range().of(text));
        assertEquals("/home/dev/demo/main.go:31", t.get(3).range().of(text));
        assertEquals("/home/dev/my demo/main.go", t.get(4).file());
        assertEquals("/home/dev/my demo/main.go:32", t.get(4).range().of(text));
        assertEquals("/home/dev/demo/main.go", t.get(5).file());
        assertEquals(40, t.get(5).line());
        assertEquals("{\"function\":\"main.main\",\"file\":\"/home/dev/demo/main.go\",\"line\":40}", t.get(5).range().of(text));
        assertEquals("calc_test.go:12", t.get(6).range().of(text));
        assertEquals(9, t.get(7).lineIndex());
        // "starting server", "--- FAIL: …", compiler position "./main.go:3:2: …", "FAIL"
        assertEquals(4, doc.passthroughLines());
    }

    @Test
    void slogJsonWithEscapedWindowsPath() {
        String text = "{\"source\":{\"line\":7,\"file\":\"C:\\\\src\\\\main.go\",\"function\":\"main.f\"}}\n";
        LocationToken t = TraceParser.parse(text).locations().get(0);
        assertEquals("C:\\src\\main.go", t.file());
        assertEquals(7, t.line());
    }

    @Test
    void notLocations() {
        for (String s : List.of("2024/01/02 15:04:05 no location here", "source=", "source=nofile",
                "    just indented text", "x.go:12 no colon after line", "\"source\":{\"file\":\"a.go\"")) {
            assertTrue(TraceParser.parse(s).locations().isEmpty(), s);
        }
    }
}
