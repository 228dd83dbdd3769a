package dev.llgoframes.core.resolve;

import dev.llgoframes.core.funcinfo.FuncInfoTables;
import dev.llgoframes.core.funcinfo.FuncRecord;
import dev.llgoframes.core.funcinfo.Names;
import dev.llgoframes.core.funcinfo.PclineRecord;
import dev.llgoframes.core.funcinfo.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The runtime's pcline table PT (§6.3): statement anchors sorted by pc with the Appendix B sort. */
public final class PcLineTable {
    /** One frame of the table. */
    public record Anchor(long pc, long entry, int funcIndex, String function, String file, int line, int startLine) {}

    private final long[] pcs;
    private final Anchor[] anchors;

    private PcLineTable(long[] pcs, Anchor[] anchors) {
        this.pcs = pcs;
        this.anchors = anchors;
    }

    public static PcLineTable empty() {
        return new PcLineTable(new long[0], new Anchor[0]);
    }

    public static PcLineTable build(FuncInfoTables tables, List<Site> sites, FunctionTable ft, DynamicSymbols dyn) {
        int n = tables.recordCount();
        int p = tables.pclineCount();
        if (n == 0 || p == 0 || p > (1 << 20) || p > 1024L * n || sites.isEmpty()
                || sites.size() > 1024L * p || sites.size() > (1 << 22)) {
            return empty();
        }
        long[] entry = new long[n + 1];
        boolean[] cached = new boolean[n + 1];
        List<Anchor> out = new ArrayList<>();
        for (Site s : sites) {
            if (!s.isLive()) {
                continue;
            }
            Optional<PclineRecord> r = tables.pclineById(s.id());
            if (r.isEmpty() || r.get().funcIndex() == 0 || r.get().funcIndex() > n) {
                continue;
            }
            int k = r.get().funcIndex();
            FuncRecord rec = tables.record(k).orElseThrow();
            if (!cached[k]) {
                long e = ft.entryOf(k);
                if (e == 0) {
                    e = dyn.dlsym(rec.symbol());
                }
                entry[k] = e;
                cached[k] = true;
            }
            long e = entry[k];
            if (e == 0) {
                e = dyn.dladdr(s.pc()).map(DynamicSymbols.Hit::address).orElse(0L);
            }
            String file = r.get().file().isEmpty() ? rec.file() : r.get().file();
            int line = r.get().line() != 0 ? r.get().line() : rec.line();
            String fn = Names.publicName(rec.display().isEmpty() ? rec.symbol() : rec.display());
            out.add(new Anchor(s.pc(), e, k, fn, file, line, rec.line()));
        }
        long[] keys = new long[out.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = out.get(i).pc();
        }
        int[] order = RuntimeSort.keepLastOfRuns(RuntimeSort.sortedOrder(keys), keys);
        long[] pcs = new long[order.length];
        Anchor[] as = new Anchor[order.length];
        for (int i = 0; i < order.length; i++) {
            as[i] = out.get(order[i]);
            pcs[i] = as[i].pc();
        }
        return new PcLineTable(pcs, as);
    }

    public int size() { return pcs.length; }

    public List<Anchor> anchors() { return List.of(anchors); }

    private int lastAtOrBelow(long pc) {
        return UnsignedSearch.lastAtOrBelow(pcs, pc);
    }

    /** pclineNearest: nearest anchor at or below pc across all functions; rejected if its entry differs. */
    public Optional<Sym> nearest(long pc, long entry) {
        int i = lastAtOrBelow(pc);
        if (i < 0) {
            return Optional.empty();
        }
        Anchor a = anchors[i];
        if (entry != 0 && a.entry() != entry) {
            return Optional.empty();
        }
        return Optional.of(new Sym(pc, a.entry(), a.function(), a.file(), a.line(), a.startLine(), true));
    }

    /** pclineExact: the anchor at exactly pc, with no function check. */
    public Optional<Sym> exact(long pc) {
        int i = lastAtOrBelow(pc);
        if (i < 0 || pcs[i] != pc) {
            return Optional.empty();
        }
        Anchor a = anchors[i];
        return Optional.of(new Sym(pc, a.entry(), a.function(), a.file(), a.line(), a.startLine(), true));
    }
}
