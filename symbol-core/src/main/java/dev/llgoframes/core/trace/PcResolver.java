package dev.llgoframes.core.trace;

import java.util.Optional;
import java.util.OptionalLong;

/** Binary-backed symbol lookups used to re-symbolize printed frames; the symbol core implements it. */
public interface PcResolver {
    /** Entry pc of the function LLGo printed under {@code printedFunctionName}. */
    OptionalLong entryOf(String printedFunctionName);

    /**
     * Resolves {@code pc}. With {@code returnAddress} the lookup uses {@code pc − 1} (LLGo's and gc's
     * rule for return addresses, and for fault pcs stored as fault pc + 1).
     */
    Optional<ResolvedPc> resolve(long pc, boolean returnAddress);
}
