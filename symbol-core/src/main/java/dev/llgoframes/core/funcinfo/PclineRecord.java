package dev.llgoframes.core.funcinfo;

/** One pcline record (§3.6). file is "" when the record defers to its function's file; line 0 likewise. */
public record PclineRecord(long id, int funcIndex, String file, int line) {}
