package dev.llgoframes.core.funcinfo;

/**
 * Values of the §3.1 pointer/count globals as they hold at run time (before any slide).
 * A pointer of 0 means null.
 */
public record TableGlobals(long table, long count, long strings, long stringOffsets, long stringCount,
                           long hash, long hashMask, long symbolIndex, long symbolIndexCount,
                           long entryStart, long entryEnd, long pclineTable, long pclineCount,
                           long pcsiteStart, long pcsiteEnd, int fpChain, Source source) {
    /** Where the values came from. */
    public enum Source { SYMTAB, STRUCTURAL, ABSENT }

    public static final String[] NAMES = {
        "__llgo_funcinfo_table", "__llgo_funcinfo_count", "__llgo_funcinfo_strings",
        "__llgo_funcinfo_string_offsets", "__llgo_funcinfo_string_count", "__llgo_funcinfo_hash",
        "__llgo_funcinfo_hash_mask", "__llgo_funcinfo_symbol_index", "__llgo_funcinfo_symbol_index_count",
        "__llgo_funcinfo_entry_start", "__llgo_funcinfo_entry_end", "__llgo_pcline_table",
        "__llgo_pcline_count", "__llgo_pcsite_start", "__llgo_pcsite_end",
    };

    public static TableGlobals absent() {
        return new TableGlobals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Source.ABSENT);
    }

    static TableGlobals of(long[] v, int fpChain, Source source) {
        return new TableGlobals(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                v[13], v[14], fpChain, source);
    }

    public boolean hasTables() {
        return table != 0 && count != 0;
    }
}
