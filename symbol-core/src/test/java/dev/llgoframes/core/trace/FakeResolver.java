package dev.llgoframes.core.trace;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Map-backed {@link PcResolver}: symbols as [start, end) ranges with one file:line each. */
final class FakeResolver implements PcResolver {
    record Sym(long start, long end, String name, String file, Integer line, FrameKind kind, Provenance provenance) {}

    private final TreeMap<Long, Sym> byStart = new TreeMap<>();
    private final Map<String, Long> entries = new TreeMap<>();

    FakeResolver go(long start, long end, String name, String file, Integer line) {
        return add(new Sym(start, end, name, file, line, GoNames.kindOf(name), Provenance.TABLES));
    }

    FakeResolver c(long start, long end, String name) {
        return add(new Sym(start, end, name, null, null, FrameKind.C, Provenance.SYMTAB));
    }

    FakeResolver add(Sym s) {
        byStart.put(s.start(), s);
        if (s.kind() != FrameKind.C) entries.putIfAbsent(s.name(), s.start());
        return this;
    }

    @Override
    public OptionalLong entryOf(String printedFunctionName) {
        Long e = entries.get(printedFunctionName);
        return e == null ? OptionalLong.empty() : OptionalLong.of(e);
    }

    @Override
    public Optional<ResolvedPc> resolve(long pc, boolean returnAddress) {
        long p = returnAddress ? pc - 1 : pc;
        Map.Entry<Long, Sym> e = byStart.floorEntry(p);
        if (e == null || p >= e.getValue().end()) return Optional.empty();
        Sym s = e.getValue();
        return Optional.of(new ResolvedPc(pc, s.name(), s.file(), s.line(), s.start(), s.kind(), s.provenance()));
    }
}
