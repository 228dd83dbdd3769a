package dev.llgoframes.core.trace;

/**
 * A resolver's answer for one pc.
 *
 * @param pc       the pc asked about (before any pc−1 adjustment)
 * @param function display name; a C name when {@code kind} is C
 * @param file     null when unknown
 * @param line     null when unknown
 * @param entry    entry of {@code function}, null when unknown
 */
public record ResolvedPc(long pc, String function, String file, Integer line, Long entry, FrameKind kind,
        Provenance provenance) {}
