package dev.llgoframes.dap.session;

import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.dap.testing.ProgramBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The repair on the real code of the test program (non-PIE, so link = run-time addresses),
 * with the stack memory and the backend's unwind faked: the cases where gdb loses the leaf's
 * caller or returns garbage, and where it must be left alone.
 */
class FramelessLeafRepairTest {
    @TempDir
    static Path dir;
    static SymbolView view;
    static long leafPc;
    static long retIntoMid;   // after "call cexc_leaf_segv" in cexc_mid_segv
    static long retIntoSegv;  // after "call cexc_mid_segv" in cexc_segv
    static long retIntoCallC;
    static Symbolizer sym;

    @BeforeAll
    static void build() throws Exception {
        ProgramBuilder.Program p = ProgramBuilder.build("fault.c.in", dir, false, List.of());
        sym = Symbolizer.of(LlgoBinary.open(p.executable()));
        view = new SymbolView(sym, 0);
        long leaf = sym.nativeSymbols().addressOf("cexc_leaf_segv");
        leafPc = leaf + 7;
        retIntoMid = callSiteAfter("cexc_mid_segv", leaf);
        retIntoSegv = callSiteAfter("cexc_segv", sym.nativeSymbols().addressOf("cexc_mid_segv"));
        retIntoCallC = callSiteAfter("main.callC", sym.nativeSymbols().addressOf("cexc_segv"));
    }

    /** Return address of the first direct call from function {@code in} to {@code target}. */
    static long callSiteAfter(String in, long target) throws Exception {
        long start = sym.nativeSymbols().addressOf(in);
        int size = (int) sym.nativeSymbols().containing(start).orElseThrow().size();
        byte[] code = sym.binary().image().readMemory(start, size, "code").bytes(0, size);
        for (int i = 0; i + 5 <= code.length; i++) {
            if ((code[i] & 0xff) == 0xE8) {
                int rel = (code[i + 1] & 0xff) | (code[i + 2] & 0xff) << 8 | (code[i + 3] & 0xff) << 16 | (code[i + 4] & 0xff) << 24;
                if (start + i + 5 + rel == target) {
                    return start + i + 5;
                }
            }
        }
        throw new AssertionError("no call from " + in + " to 0x" + Long.toHexString(target));
    }

    /** A stopped thread: sp points at the leaf's return address, rbp at a two-record chain. */
    static final class FakeMachine implements FramelessLeafRepair.Machine {
        final Map<Long, Long> words = new HashMap<>();
        final long sp = 0x7ff000L;
        final long rbp = 0x7ff100L;

        FakeMachine(long wordAtSp) {
            words.put(sp, wordAtSp);
            words.put(rbp, rbp + 0x40);           // caller's saved rbp
            words.put(rbp + 8, retIntoSegv);      // caller's return address
            words.put(rbp + 0x40, 0L);            // end of chain
            words.put(rbp + 0x48, retIntoCallC);
        }

        @Override public long stackPointer() { return sp; }

        @Override public long framePointer() { return rbp; }

        @Override public long readWord(long a) {
            Long v = words.get(a);
            if (v == null) {
                throw new BackendException("unreadable 0x" + Long.toHexString(a));
            }
            return v;
        }

        @Override public byte[] read(long a, int n) {
            try {
                return sym.binary().image().readMemory(a, n, "code").bytes(0, n);
            } catch (Exception e) {
                throw new BackendException(e.getMessage());
            }
        }

        @Override public boolean readable(long a) {
            return words.containsKey(a) || view.inExecutable(a);
        }
    }

    static StackEntry backend(int level, long pc) {
        return new StackEntry(level, pc, level > 0, null, StackEntry.FROM_BACKEND);
    }

    static List<Long> pcs(List<StackEntry> s) {
        return s.stream().map(StackEntry::pc).toList();
    }

    @Test
    void insertsTheCallerTheBackendSkipped() {
        // gdb used rbp (the caller's frame) and went straight to the caller's caller
        List<StackEntry> gdb = List.of(backend(0, leafPc), backend(1, retIntoSegv), backend(2, retIntoCallC));
        List<StackEntry> fixed = new FramelessLeafRepair(view).repair(gdb, new FakeMachine(retIntoMid));
        assertEquals(List.of(leafPc, retIntoMid, retIntoSegv, retIntoCallC), pcs(fixed));
        assertEquals(-1, fixed.get(1).backendLevel());
        assertEquals("cexc_mid_segv", view.describe(fixed.get(1).pc(), true, null).name());
    }

    @Test
    void replacesAGarbageChainByTheFramePointerWalk() {
        List<StackEntry> gdb = List.of(backend(0, leafPc), backend(1, 0x10));
        List<StackEntry> fixed = new FramelessLeafRepair(view).repair(gdb, new FakeMachine(retIntoMid));
        assertEquals(List.of(leafPc, retIntoMid, retIntoSegv, retIntoCallC), pcs(fixed));
    }

    @Test
    void leavesAnAgreeingOrUnprovenStackAlone() {
        List<StackEntry> agree = List.of(backend(0, leafPc), backend(1, retIntoMid), backend(2, retIntoSegv));
        assertEquals(agree, new FramelessLeafRepair(view).repair(agree, new FakeMachine(retIntoMid)));
        // the word at sp is a return address, but not after a call to this leaf, and gdb's frame 1 is fine
        List<StackEntry> other = List.of(backend(0, leafPc), backend(1, retIntoSegv));
        assertEquals(other, new FramelessLeafRepair(view).repair(other, new FakeMachine(retIntoCallC)));
        // not a code address at all
        assertEquals(other, new FramelessLeafRepair(view).repair(other, new FakeMachine(0x1234)));
    }
}
