package dev.llgoframes.core.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test resources under {@code traces/}. */
final class Traces {
    private Traces() {}

    static final List<String> ALL = List.of(
            "mt_panic.llgo.txt", "mt_panic.gc.txt", "mt_cexcept_segv_norecover.llgo.txt",
            "mt_cexcept_segv_recover.llgo.txt", "mt_cexcept_div_recover.llgo.txt", "clite_dump.llgo.txt",
            "example_b_darwin_fault.llgo.txt", "example_d_stack.llgo.txt", "gc_recovered_chain.gc.txt",
            "gc_signal_goroutines.gc.txt", "gc_fatal_deadlock.gc.txt", "gc_sigquit.gc.txt", "gc_race.gc.txt",
            "locations_mixed.txt");

    static String load(String name) {
        try (InputStream in = Traces.class.getResourceAsStream("/traces/" + name)) {
            if (in == null) throw new IllegalArgumentException("no resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Traceback only(String text) {
        TraceDocument d = TraceParser.parse(text);
        if (d.tracebacks().size() != 1) throw new AssertionError("expected one traceback, got " + d.tracebacks().size());
        return d.tracebacks().get(0);
    }
}
