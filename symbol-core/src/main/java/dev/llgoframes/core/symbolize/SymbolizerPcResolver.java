package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.trace.FrameKind;
import dev.llgoframes.core.trace.PcResolver;
import dev.llgoframes.core.trace.Provenance;
import dev.llgoframes.core.trace.ResolvedPc;

import java.util.Optional;
import java.util.OptionalLong;

/** Lets the trace layer re-symbolize printed frames through a binary's symbolizer. */
public final class SymbolizerPcResolver implements PcResolver {
    private final Symbolizer symbolizer;

    public SymbolizerPcResolver(Symbolizer symbolizer) {
        this.symbolizer = symbolizer;
    }

    @Override
    public OptionalLong entryOf(String printedFunctionName) {
        long e = symbolizer.entryOf(printedFunctionName);
        return e == 0 ? OptionalLong.empty() : OptionalLong.of(e);
    }

    @Override
    public Optional<ResolvedPc> resolve(long pc, boolean returnAddress) {
        SymbolizedPc s = symbolizer.symbolize(pc, returnAddress);
        if (!s.resolved()) {
            return Optional.empty();
        }
        FrameKind kind = switch (s.kind()) {
            case GO -> FrameKind.GO;
            case C -> FrameKind.C;
            case RUNTIME -> FrameKind.RUNTIME;
        };
        Provenance prov = switch (s.provenance()) {
            case TABLES -> Provenance.TABLES;
            case SYMTAB -> Provenance.SYMTAB;
            case DWARF -> Provenance.DWARF;
        };
        return Optional.of(new ResolvedPc(pc, s.function(), s.file(), s.line(), s.entry(), kind, prov));
    }
}
