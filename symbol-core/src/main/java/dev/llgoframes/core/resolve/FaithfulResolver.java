package dev.llgoframes.core.resolve;

import dev.llgoframes.core.funcinfo.FuncInfoTables;
import dev.llgoframes.core.funcinfo.FuncRecord;
import dev.llgoframes.core.funcinfo.Names;

import java.util.Optional;

/**
 * LLGo's runtime resolver, ported rule for rule (§6.4–§6.6): {@code resolve}, {@code refine},
 * {@code CallersFrames}, {@code Caller} and {@code FuncForPC}. Its answers are what LLGo itself
 * prints, wrong C names included; {@code Symbolizer} goes beyond it.
 */
public final class FaithfulResolver {
    /** What {@code runtime.FuncForPC} returns. */
    public record FuncInfo(String name, long entry, Sym sym) {}

    /** A {@code runtime.Frame} from {@code CallersFrames}. */
    public record CallerFrame(long pc, String function, String file, int line, long entry, int startLine, boolean resolved) {}

    /** {@code runtime.Caller}'s answer. */
    public record CallerInfo(long pc, String file, int line) {}

    private final FuncInfoTables tables;
    private final FunctionTable ft;
    private final PcLineTable pt;
    private final DynamicSymbols dyn;

    public FaithfulResolver(FuncInfoTables tables, FunctionTable ft, PcLineTable pt, DynamicSymbols dyn) {
        this.tables = tables;
        this.ft = ft;
        this.pt = pt;
        this.dyn = dyn;
    }

    public FunctionTable functionTable() { return ft; }

    public PcLineTable pclineTable() { return pt; }

    public FuncInfoTables tables() { return tables; }

    public DynamicSymbols dynamicSymbols() { return dyn; }

    public boolean inText(long pc) { return ft.inText(pc); }

    Sym fromRecord(long pc, long entry, int k) {
        Optional<FuncRecord> r = tables.record(k);
        if (r.isEmpty()) {
            return Sym.NONE;
        }
        FuncRecord rec = r.get();
        return new Sym(pc, entry, rec.functionName(), rec.file(), rec.line(), rec.line(), true);
    }

    Sym fromDladdr(long pc) {
        Optional<DynamicSymbols.Hit> hit = dyn.dladdr(pc);
        if (hit.isEmpty()) {
            return Sym.NONE;
        }
        String name = hit.get().name();
        if (Names.stripLeadingUnderscores(name).startsWith("llgo_pcsite_")) {
            return Sym.NONE;
        }
        long saddr = hit.get().address();
        String function = Names.publicName(name);
        String file = "";
        int line = 0;
        int startLine = 0;
        boolean ok = !name.isEmpty() || saddr != 0;
        Optional<FuncRecord> r = tables.recordBySymbol(name);
        if (r.isEmpty() && !Names.publicName(name).equals(name)) {
            r = tables.recordBySymbol(Names.publicName(name));
        }
        if (r.isPresent()) {
            FuncRecord rec = r.get();
            if (!rec.display().isEmpty()) {
                function = Names.publicName(rec.display());
            }
            if (file.isEmpty()) {
                file = rec.file();
            }
            if (rec.line() != 0) {
                startLine = rec.line();
                if (line == 0) {
                    line = rec.line();
                }
            }
            ok = ok || !function.isEmpty() || !file.isEmpty();
        }
        return new Sym(pc, saddr, function, file, line, startLine, ok);
    }

    /** The runtime's refine (§6.4): the single pc / pc−1 statement rule plus the closer-native-symbol check. */
    Sym refine(Sym s, long pc) {
        Optional<Sym> l = pt.nearest(pc, s.entry());
        if (l.isPresent()) {
            return l.get().mergedOver(s);
        }
        l = pt.nearest(pc - 1, s.entry());
        if (l.isPresent()) {
            return l.get().withPc(pc).mergedOver(s);
        }
        if (pc != s.entry()) {
            Sym a = fromDladdr(pc);
            if (a.ok() && Long.compareUnsigned(a.entry(), s.entry()) > 0) {
                return a;
            }
        }
        return s;
    }

    /** The master resolver (§6.5); pc is the lookup pc (already decremented by the caller where due). */
    public Sym resolve(long pc) {
        if (pc == 0) {
            return Sym.NONE;
        }
        Optional<Sym> l = pt.exact(pc);
        if (l.isPresent()) {
            return l.get();
        }
        l = pt.exact(pc - 1);
        if (l.isPresent()) {
            return l.get().withPc(pc);
        }
        if (ft.mode() != FunctionTable.Mode.NONE) {
            int row = ft.lookup(pc);
            if (row >= 0) {
                return refine(fromRecord(pc, ft.rowEntry(row), ft.rowFunc(row)), pc);
            }
        }
        Sym s = fromDladdr(pc);
        l = pt.nearest(pc, s.entry());
        if (l.isPresent()) {
            return l.get().mergedOver(s);
        }
        if (s.entry() == 0 || Long.compareUnsigned(pc, s.entry()) > 0) {
            Sym c = fromDladdr(pc - 1);
            if (c.ok()) {
                Optional<Sym> cl = pt.nearest(pc - 1, c.entry());
                if (cl.isPresent()) {
                    return cl.get().withPc(pc).mergedOver(c);
                }
                return c.withPc(pc);
            }
        }
        if (!s.ok()) {
            int row = ft.lookup(pc);
            if (row >= 0) {
                return fromRecord(pc, ft.rowEntry(row), ft.rowFunc(row));
            }
        }
        return s;
    }

    /** CallersFrames.Next for a raw pc (a return address, or a fault pc + 1). */
    public CallerFrame callersFrame(long pc) {
        long lookup = inText(pc) ? pc - 1 : pc;
        Sym s = resolve(lookup);
        if (!s.ok()) {
            return new CallerFrame(pc, "pc=0x" + Long.toHexString(pc), "", 0, 0, 0, false);
        }
        String fn = s.function().isEmpty() ? "pc=0x" + Long.toHexString(pc) : s.function();
        return new CallerFrame(pc, fn, s.file(), s.line(), s.entry(), s.startLine(), true);
    }

    /** runtime.Caller for a raw return address: always pc−1, "???" and line 1 defaults. */
    public CallerInfo caller(long returnAddress) {
        long pc = returnAddress - 1;
        Sym s = resolve(pc);
        return new CallerInfo(pc, s.file().isEmpty() ? "???" : s.file(), s.line() != 0 ? s.line() : 1);
    }

    /** runtime.FuncForPC (§6.6), minus the process-lifetime cold budget (a static reader has no cold start). */
    public FuncInfo funcForPC(long pc) {
        int exact = ft.exactPrebuiltRow(pc);
        if (exact >= 0) {
            return func(refine(fromRecord(pc, pc, ft.rowFunc(exact)), pc), pc);
        }
        if ((pc & 3) != 0) {
            Sym s = resolve(pc);
            if (s.ok()) {
                return func(s, pc);
            }
        } else if (pc != 0) {
            if (ft.mode() == FunctionTable.Mode.FIRST_USE) {
                int i = ft.firstRowAtOrAbove(pc);
                if (i >= 0 && ft.rowEntry(i) - pc <= 64) {
                    return func(fromRecord(pc, pc, ft.rowFunc(i)), pc);
                }
            }
            Optional<DynamicSymbols.Hit> d = dyn.dladdr(pc);
            if (d.isPresent() && d.get().address() == pc && !d.get().name().isEmpty()) {
                return func(fromDladdr(pc), pc);
            }
        }
        int row = ft.lookup(pc);
        if (row >= 0) {
            return func(refine(fromRecord(pc, ft.rowEntry(row), ft.rowFunc(row)), pc), pc);
        }
        return func(resolve(pc), pc);
    }

    /** Func.FileLine(q) (§6.6): the Func's own answer at its pc, else a fresh resolve of q. */
    public CallerInfo fileLine(FuncInfo f, long q) {
        Sym s = f.sym();
        if (q == s.pc() && (!s.file().isEmpty() || s.line() != 0)) {
            return new CallerInfo(q, s.file(), s.line());
        }
        Sym r = resolve(q);
        return new CallerInfo(q, r.file(), r.line());
    }

    private static FuncInfo func(Sym s, long pc) {
        String name = s.function().isEmpty() ? "pc=0x" + Long.toHexString(pc) : s.function();
        return new FuncInfo(name, s.entry() != 0 ? s.entry() : pc, s);
    }
}
