package dev.llgoframes.lsp.services;

import dev.llgoframes.core.trace.LlgoStack;
import dev.llgoframes.core.trace.PcResolver;

import java.util.List;
import java.util.Optional;

/**
 * A trace read against the binaries known at {@code generation}: which binary it matched (if any) and
 * LLGo's stacks re-symbolized through it. {@code stacks.get(i)} is null for a gc traceback.
 *
 * @param match    the best-scoring binary, also when it was rejected as another build
 * @param binary   the binary actually used for re-symbolization; null when none fits
 * @param noBinary why no binary is used, for the hover (null when one is, or when the trace needs none)
 */
public record Interpretation(long generation, Optional<BinaryMatcher.Score> match, LoadedBinary binary,
        List<List<LlgoStack>> stacks, String noBinary) {

    public PcResolver resolver() { return binary == null ? null : binary.resolver(); }
}
