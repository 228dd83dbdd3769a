package dev.llgoframes.dap.session;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HitConditionTest {
    private static List<Long> stops(String text) {
        HitCondition h = HitCondition.parse(text).orElseThrow();
        return LongStream.rangeClosed(1, 9).filter(h::stopsAt).boxed().toList();
    }

    @Test
    void formsOtherAdaptersAccept() {
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L), stops("3"));
        assertEquals(stops("3"), stops(">= 3"));
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), stops(">3"));
        assertEquals(List.of(3L), stops("== 3"));
        assertEquals(List.of(3L), stops("=3"));
        assertEquals(List.of(1L, 2L), stops("< 3"));
        assertEquals(List.of(1L, 2L, 3L), stops("<= 3"));
        assertEquals(List.of(3L, 6L, 9L), stops("% 3"));
        assertTrue(HitCondition.parse("  ").isEmpty());
        assertTrue(HitCondition.parse(null).isEmpty());
    }

    @Test
    void badTextIsNamed() {
        for (String bad : List.of("abc", "% 0", ">= -1", "3 4", "99999999999999999999")) {
            SessionException e = assertThrows(SessionException.class, () -> HitCondition.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad.trim() + "'"), e.getMessage());
        }
    }

    @Test
    void logMessagesInterpolateAndReportErrors() {
        Map<String, String> values = Map.of("x", "5", "$rdi", "0x10");
        String out = LogMessage.render("x={x} rdi={ $rdi } {{lit}} {nope} {open", e -> {
            if (!values.containsKey(e)) {
                throw new BackendException("No symbol \"" + e + "\" in current context.");
            }
            return values.get(e);
        });
        assertEquals("x=5 rdi=0x10 {lit} <nope: No symbol \"nope\" in current context.> {open", out);
    }
}
