package dev.llgoframes.core.trace;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Garbage and truncated input never throws, and every reported range stays inside the input. */
class RobustnessTest {

    @Test
    void everyPrefixOfEverySample() {
        for (String name : Traces.ALL) {
            String text = Traces.load(name);
            for (int n = 0; n <= text.length(); n++) {
                String cut = text.substring(0, n);
                check(cut, assertDoesNotThrow(() -> TraceParser.parseStrict(cut), name + " cut at " + n));
            }
        }
    }

    @Test
    void randomMutationsOfSamples() {
        Random rnd = new Random(42);
        String alphabet = "()[]{}:.+x0123456789abcdef \t\n\r$#?=,-_/\"\\panicgoroutine";
        for (String name : Traces.ALL) {
            String text = Traces.load(name);
            for (int round = 0; round < 200; round++) {
                StringBuilder b = new StringBuilder(text);
                int edits = 1 + rnd.nextInt(8);
                for (int e = 0; e < edits && b.length() > 0; e++) {
                    int at = rnd.nextInt(b.length());
                    switch (rnd.nextInt(3)) {
                        case 0 -> b.deleteCharAt(at);
                        case 1 -> b.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                        default -> b.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    }
                }
                String mutated = b.toString();
                check(mutated, assertDoesNotThrow(() -> TraceParser.parseStrict(mutated), name + " round " + round));
            }
        }
    }

    @Test
    void pureGarbage() {
        Random rnd = new Random(7);
        for (int round = 0; round < 300; round++) {
            char[] c = new char[rnd.nextInt(400)];
            for (int i = 0; i < c.length; i++) c[i] = (char) rnd.nextInt(rnd.nextBoolean() ? 128 : 0x3000);
            String s = new String(c);
            check(s, assertDoesNotThrow(() -> TraceParser.parseStrict(s)));
        }
        for (String s : new String[] {"", "\n", "\r", "\r\n\r\n", "panic: ", "goroutine ", "goroutine 1 [", "goroutine 1 []:",
                "goroutine 99999999999999999999 [running]:", "[0x", "[0x1 +0x, SP = 0x]", "[signal ]", "[signal SIG",
                "created by ", "\tpc=0x", "\tpc=0xzz", "main.f(", ")", "()", "f()\n\t:", "f()\n\t:1", "f()\n\tx:99999999999999",
                "==================\nWARNING: DATA RACE\n", "...0 frames elided...", "SIGQUIT: quit\nPC=0x",
                "{\"source\":{", "source=\"", "2024/01/02 15:04:05 :1:"}) {
            check(s, assertDoesNotThrow(() -> TraceParser.parseStrict(s), s));
        }
        assertEquals(0, TraceParser.parse(null).lineCount());
    }

    @Test
    void pathologicalLinesStayLinear() {
        String parens = "(".repeat(200_000) + ")".repeat(200_000);
        String brackets = "goroutine 1 " + "[".repeat(300_000) + "]:";
        String colons = "\t" + ":".repeat(300_000) + " +0x1";
        String spaces = "\t" + " +0x1".repeat(100_000);
        long t0 = System.nanoTime();
        for (String s : new String[] {parens, brackets, colons, spaces, parens + "\n" + colons}) {
            check(s, TraceParser.parseStrict(s));
        }
        System.out.printf("pathological lines parsed in %.1f ms%n", (System.nanoTime() - t0) / 1e6);
    }

    private static void check(String text, TraceDocument d) {
        for (LocationToken t : d.locations()) inside(text, t.range());
        for (Traceback tb : d.tracebacks()) {
            inside(text, tb.range());
            for (Goroutine g : tb.goroutines()) {
                for (TraceFrame f : g.frames()) {
                    inside(text, f.functionRange());
                    assertEquals(f.function(), f.functionRange().of(text));
                    if (f.locationRange() != null) inside(text, f.locationRange());
                }
            }
        }
    }

    private static void inside(String text, TextRange r) {
        assertTrue(r.end() <= text.length(), () -> r + " beyond " + text.length());
    }
}
