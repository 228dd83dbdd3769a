package dev.llgoframes.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.llgoframes.core.trace.TraceDocument;
import dev.llgoframes.core.trace.TraceParser;

import java.nio.charset.StandardCharsets;

/**
 * The traceback parser must never throw. {@code TraceParser.parse} turns a recogniser bug into a
 * passthrough document, which would hide it from a fuzzer, so the test runs {@code parseStrict}
 * (the same parse without that net, public for exactly this) and then {@code parse}.
 */
class FuzzTraceParserTest {
    static {
        FuzzSupport.warmUp(() -> parse("panic: x\n\ngoroutine 1 [running]:\nmain.main()\n\t/a.go:1 +0x1\n"));
    }

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void parse(byte[] input) {
        parse(new String(input, StandardCharsets.UTF_8));
    }

    static void parse(String text) {
        FuzzSupport.bounded(2L * text.length(), () -> {
            TraceDocument strict = TraceParser.parseStrict(text);
            TraceDocument safe = TraceParser.parse(text);
            if (strict == null || safe == null) {
                throw new FuzzSupport.PropertyViolation("parse returned null");
            }
            // Every range the editor will highlight or jump to lies inside the text.
            int n = text.length();
            for (var loc : strict.locations()) {
                inside(loc.range(), n, "location");
            }
            for (var tb : strict.tracebacks()) {
                inside(tb.range(), n, "traceback");
                for (var pm : tb.panics()) {
                    inside(pm.range(), n, "panic");
                }
                for (var g : tb.goroutines()) {
                    inside(g.headerRange(), n, "goroutine header");
                    for (var f : g.frames()) {
                        inside(f.functionRange(), n, "frame name");
                        inside(f.locationRange(), n, "frame location");
                    }
                }
            }
        });
    }

    private static void inside(dev.llgoframes.core.trace.TextRange r, int length, String what) {
        if (r != null && r.end() > length) {
            throw new FuzzSupport.PropertyViolation(what + " range " + r + " runs past the text of " + length + " chars");
        }
    }
}
