package dev.llgoframes.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.llgoframes.core.trace.FrameKind;
import dev.llgoframes.core.trace.GcViewOptions;
import dev.llgoframes.core.trace.GcViewResult;
import dev.llgoframes.core.trace.PcResolver;
import dev.llgoframes.core.trace.Provenance;
import dev.llgoframes.core.trace.ResolvedPc;
import dev.llgoframes.core.trace.TraceParser;
import dev.llgoframes.core.trace.TraceViews;
import dev.llgoframes.core.trace.Traceback;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The gc-view builder ({@code TraceViews.gcView}, {@code gcText}, {@code llgoText}) over whatever
 * the parser makes of fuzzer text: text only, and with a resolver whose answers are as odd as a
 * damaged binary can make them (no name, empty names, entries above the pc, LLGo machinery,
 * goroutine-start wrappers, any kind). Nothing may throw.
 */
class FuzzGcViewTest {
    private static final String[] NAMES = {null, "", "main.main", "main.main$1", "main.main$1.func2", "runtime.goexit",
        "runtime.main", "main", "pkg._llgo_routine$1", "github.com/xgo-dev/llgo/runtime/internal/runtime.Panic",
        "runtime.Callers", "runtime.Stack", "pc=0x12", "(null)", "main.F[int]", "main.F[", "main.init#0", "pkg.init$1",
        "x.(*T).M$bound", "runtime.sigpanic", "$", ".init.func", "a.b.func"};
    private static final GcViewOptions FULL = new GcViewOptions("/goroot", 7L, "0x1", "0x0");

    static {
        FuzzSupport.warmUp(() -> view("panic: x\n\ngoroutine 1 [running]:\nmain.main(...)\n\t/a.go:1 +0x1\n".getBytes(StandardCharsets.UTF_8)));
    }

    /** Deterministic but hostile answers, chosen by the pc's bits. */
    static final class OddResolver implements PcResolver {
        @Override
        public OptionalLong entryOf(String printedFunctionName) {
            int h = printedFunctionName == null ? 0 : printedFunctionName.hashCode();
            return (h & 3) == 0 ? OptionalLong.empty() : OptionalLong.of((h & 4) == 0 ? h : -1L - h);
        }

        @Override
        public Optional<ResolvedPc> resolve(long pc, boolean returnAddress) {
            long h = pc * 0x9E3779B97F4A7C15L;
            int k = (int) (h >>> 59);
            if (k == 0) {
                return Optional.empty();
            }
            String name = NAMES[(int) Long.remainderUnsigned(h >>> 8, NAMES.length)];
            String file = (h & 1) == 0 ? null : (h & 2) == 0 ? "" : "/goroot/src/runtime/proc.go";
            Integer line = (h & 4) == 0 ? null : (int) (h >> 40);
            Long entry = (h & 8) == 0 ? null : (h & 16) == 0 ? pc + 1 : pc - (h >>> 44);
            FrameKind kind = FrameKind.values()[(int) Long.remainderUnsigned(h >>> 20, FrameKind.values().length)];
            Provenance prov = Provenance.values()[(int) Long.remainderUnsigned(h >>> 24, Provenance.values().length)];
            return Optional.of(new ResolvedPc(pc, name, file, line, entry, kind, prov));
        }
    }

    @FuzzTest(maxDuration = "30m", maxExecutions = 1_000_000)
    void gcView(byte[] input) {
        view(input);
    }

    static void view(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        FuzzSupport.bounded(2L * text.length(), () -> {
            for (Traceback tb : TraceParser.parse(text).tracebacks()) {
                for (PcResolver r : new PcResolver[] {null, new OddResolver()}) {
                    for (GcViewOptions o : new GcViewOptions[] {GcViewOptions.NONE, FULL, null}) {
                        for (GcViewResult g : TraceViews.gcView(tb, r, o)) {
                            g.goroutine().frames().size();
                        }
                        TraceViews.gcText(tb, r, o, false);
                        TraceViews.gcText(tb, r, o, true);
                    }
                    TraceViews.llgoText(tb, r);
                }
            }
        });
    }
}
