package dev.llgoframes.core.trace;

/**
 * A {@code panic: …} line (possibly with continuation lines of a multi-line value).
 *
 * @param text       the value as printed, without {@code panic: } and without the recovered suffix
 * @param recovered  gc's {@code [recovered]} suffix (also set for {@code [recovered, repanicked]})
 * @param repanicked gc 1.25+ {@code [recovered, repanicked]}
 * @param chained    a tab-indented {@code \tpanic: …} line of a nested panic (gc)
 * @param range      range of the value text
 */
public record PanicMessage(String text, boolean recovered, boolean repanicked, boolean chained, TextRange range,
        int lineIndex) {}
