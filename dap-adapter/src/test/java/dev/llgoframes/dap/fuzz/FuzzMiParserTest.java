package dev.llgoframes.dap.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.llgoframes.dap.gdb.MiParser;
import dev.llgoframes.dap.gdb.MiRecord;

import java.nio.charset.StandardCharsets;

/**
 * gdb/MI output lines ({@code MiParser.parse}). The parser is total: any line gives a record,
 * a malformed one an {@code Unparsed} naming the offset. Nothing may escape (no exception, no
 * StackOverflowError from deep nesting), and an {@code Unparsed} must come from the parser's own
 * checks, not from its net for internal errors. Each input is split into lines as the reader
 * thread splits gdb's output.
 */
class FuzzMiParserTest {
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();
    private static final long LIMIT_NANOS = (FUZZING ? 2_000L : 10_000L) * 1_000_000L;

    static {
        MiParser.parse("^done,frame={level=\"0\",addr=\"0x1\"}");
    }

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        for (String line : text.split("\n", -1)) {
            MiRecord r = MiParser.parse(line);
            if (r == null) {
                throw new AssertionError("parse returned null for " + line);
            }
            if (r instanceof MiRecord.Unparsed u && u.error().startsWith("internal parse error")) {
                throw new AssertionError("parser bug hidden as Unparsed: " + u.error() + " in " + line);
            }
            // A console record without escapes reads back as exactly its text (non-BMP characters included).
            if (line.length() >= 3 && line.startsWith("~\"") && line.endsWith("\"")) {
                String inner = line.substring(2, line.length() - 1);
                if (inner.indexOf('\\') < 0 && inner.indexOf('"') < 0 && inner.indexOf('\r') < 0
                        && !(r instanceof MiRecord.StreamRecord sr && sr.text().equals(inner))) {
                    throw new AssertionError("console text " + inner + " parsed as " + r);
                }
            }
            if (r instanceof MiRecord.Unparsed u && (u.offset() < 0 || u.offset() > line.length())) {
                throw new AssertionError("Unparsed offset " + u.offset() + " outside the line of " + line.length());
            }
        }
        long took = System.nanoTime() - t0;
        if (took > LIMIT_NANOS) {
            throw new AssertionError("one input took " + took / 1_000_000 + " ms");
        }
    }
}
