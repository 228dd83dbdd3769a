package dev.llgoframes.lsp;

import dev.llgoframes.core.resolve.LlgoTracebackRenderer;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.Fixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * LLGo-shaped fault tracebacks of real fixture programs: run {@code prog segv}, take the pcs its fault
 * handler printed and render them as LLGo's runtime would (as symbol-core's FixtureCrashTest does).
 */
public final class CrashTraces {
    public static final String PANIC_LINE = "panic: runtime error: invalid memory address or nil pointer dereference\n\n";

    public record Crash(Fixture fixture, List<Long> pcs, String text) {
        public Path executable() { return fixture.executable(); }

        /** Directory of the Go sources the tables name. */
        public Path goSources() {
            return fixture.truth().goFunctions().stream().filter(f -> f.file().endsWith("/main.go")).findFirst()
                    .map(f -> Path.of(f.file()).getParent()).orElseThrow();
        }

        public Path mainGo() { return goSources().resolve("main.go"); }
    }

    private static final Map<String, Crash> CACHE = new ConcurrentHashMap<>();

    private CrashTraces() {}

    public static Crash segv(String variant) {
        return CACHE.computeIfAbsent(variant, v -> {
            try {
                Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant(v));
                Process p = new ProcessBuilder(f.executable().toString(), "segv").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("fixture did not exit");
                List<Long> pcs = new ArrayList<>();
                for (String line : out.split("\n")) {
                    if (line.startsWith("fixture-frame: 0x")) pcs.add(Long.parseUnsignedLong(line.substring(17).trim(), 16));
                }
                if (pcs.size() < 5) throw new IllegalStateException("no fault chain in:\n" + out);
                LlgoBinary bin = LlgoBinary.open(f.executable());
                String text = PANIC_LINE + new LlgoTracebackRenderer(bin.resolver()).faultTraceback(pcs);
                return new Crash(f, pcs, text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
