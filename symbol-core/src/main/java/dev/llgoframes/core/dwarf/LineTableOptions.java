package dev.llgoframes.core.dwarf;

import java.util.function.LongFunction;

/**
 * How to parse .debug_line beyond the defaults.
 *
 * @param compDirs for a unit at a given .debug_line offset, its DW_AT_comp_dir from .debug_info
 *     (or null). DWARF 2-4 line tables do not record the compilation directory, so without it
 *     their paths stay relative. May be null.
 * @param skipBadUnits when true a malformed unit is dropped (and reported in
 *     {@link DwarfLineTable#problems()}) instead of failing the whole parse, as long as the unit's
 *     length is sane enough to find the next one.
 */
public record LineTableOptions(LongFunction<String> compDirs, boolean skipBadUnits) {
    public static final LineTableOptions STRICT = new LineTableOptions(null, false);
    public static final LineTableOptions LENIENT = new LineTableOptions(null, true);
}
