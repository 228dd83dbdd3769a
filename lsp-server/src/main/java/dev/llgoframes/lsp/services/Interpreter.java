package dev.llgoframes.lsp.services;

import dev.llgoframes.core.trace.Dialect;
import dev.llgoframes.core.trace.LlgoStack;
import dev.llgoframes.core.trace.LlgoStacks;
import dev.llgoframes.core.trace.PcResolver;
import dev.llgoframes.core.trace.Traceback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Attaches the binary interpretation to an analysis, recomputed only when the binaries changed. */
public final class Interpreter {
    private final BinaryRegistry registry;

    public Interpreter(BinaryRegistry registry) {
        this.registry = registry;
    }

    public Interpretation of(TraceAnalysis a) {
        List<LoadedBinary> candidates = registry.candidates(); // stat()s the files: notices rebuilds
        long gen = registry.generation();
        Interpretation have = a.interpretation();
        if (have != null && have.generation() == gen) return have;
        synchronized (a) {
            have = a.interpretation();
            if (have != null && have.generation() == gen) return have;
            Interpretation i = compute(a, candidates, gen);
            a.interpretation(i);
            return i;
        }
    }

    private Interpretation compute(TraceAnalysis a, List<LoadedBinary> candidates, long gen) {
        boolean llgo = a.trace().tracebacks().stream().anyMatch(tb -> tb.dialect() == Dialect.LLGO);
        Optional<BinaryMatcher.Score> match = llgo && !candidates.isEmpty()
                ? BinaryMatcher.match(a.trace(), candidates).best() : Optional.empty();
        LoadedBinary used = null;
        if (match.isPresent()) {
            BinaryMatcher.Score s = match.get();
            if (s.mismatched()) {
                registry.warnMismatch(s.binary(), (s.checked() - s.consistent()) + " of " + s.checked()
                        + " printed frames land on other functions or lines in it");
            } else {
                used = s.binary();
            }
        }
        PcResolver resolver = used == null ? null : used.resolver();
        List<List<LlgoStack>> stacks = new ArrayList<>();
        for (Traceback tb : a.trace().tracebacks()) {
            stacks.add(tb.dialect() == Dialect.LLGO ? LlgoStacks.of(tb, resolver) : null);
        }
        String why = null;
        if (llgo && used == null) {
            if (candidates.isEmpty()) why = registry.whyNoCandidates();
            else if (match.isEmpty()) why = "none of the " + candidates.size() + " candidate binaries knows the printed functions";
            String gone = registry.missingConfigured();
            if (why != null && gone != null && !why.contains(gone)) why += "; " + gone;
        }
        return new Interpretation(gen, match, used, Collections.unmodifiableList(stacks), why);
    }
}
