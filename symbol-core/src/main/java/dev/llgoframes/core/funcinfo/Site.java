package dev.llgoframes.core.funcinfo;

/** A 16-byte {pc, id} site (§3.7.1), with pc already decoded to a link-time address. */
public record Site(long pc, long id) {
    /** Zero record and meta rows: the runtime skips every site with pc == 0 or id == 0. */
    public boolean isLive() { return pc != 0 && id != 0; }
}
