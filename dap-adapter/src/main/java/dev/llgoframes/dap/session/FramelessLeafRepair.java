package dev.llgoframes.dap.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Restores the caller of a frameless leaf at the top of a stack (spec §7.1, §7.4; notes/gdb.md):
 * such a leaf has no frame record and often no CFI, so the backend's unwinder either loses its
 * caller (using rbp, which still holds the caller's frame) or produces garbage. The caller's
 * return address is the word at the stack pointer; the rest of the chain follows rbp.
 *
 * <p>The word at sp is believed only with evidence: the bytes before it are a direct call to the
 * leaf's own entry, or the backend's frame 1 is missing or unreadable and the bytes before it are
 * some call instruction.
 */
public final class FramelessLeafRepair {
    /** Memory and registers of the stopped thread. */
    public interface Machine {
        long stackPointer();

        long framePointer();

        long readWord(long address);

        byte[] read(long address, int length);

        boolean readable(long address);
    }

    private static final int MAX_WALK = 4096;

    private final SymbolView view;

    public FramelessLeafRepair(SymbolView view) {
        this.view = view;
    }

    public List<StackEntry> repair(List<StackEntry> frames, Machine m) {
        if (frames.isEmpty() || !view.inExecutable(frames.get(0).pc())) {
            return frames;
        }
        long pc0 = frames.get(0).pc();
        long ret;
        try {
            ret = m.readWord(m.stackPointer());
        } catch (RuntimeException e) {
            return frames;
        }
        if (!view.inExecutable(ret)) {
            return frames;
        }
        StackEntry f1 = frames.size() > 1 ? frames.get(1) : null;
        if (f1 != null && f1.pc() == ret) {
            return frames;
        }
        long leafEntry = view.entryAt(pc0);
        boolean provenCall = leafEntry != 0 && leafEntry != pc0 && directCallTarget(ret, m) == leafEntry;
        boolean backendLost = f1 == null || f1.pc() < 4096 || !m.readable(f1.pc());
        if (!provenCall && !(backendLost && isAfterCall(ret, m))) {
            return frames;
        }
        StackEntry recovered = new StackEntry(-1, ret, true, null, "return address at sp (frameless leaf)");
        List<StackEntry> out = new ArrayList<>();
        out.add(frames.get(0));
        out.add(recovered);
        if (!backendLost) {
            out.addAll(frames.subList(1, frames.size()));
            return out;
        }
        // the backend's chain is garbage from frame 1 on: walk rbp, then rejoin the backend where it agrees
        List<Long> walked = fpWalk(m.framePointer(), m);
        for (long pc : walked) {
            out.add(new StackEntry(-1, pc, true, null, "frame-pointer walk"));
        }
        return out;
    }

    /** §7.3 fpWalkFrom with the text bound of fpCallers. */
    List<Long> fpWalk(long fp, Machine m) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < MAX_WALK && fp != 0; i++) {
            if (fp % 8 != 0 || !m.readable(fp)) {
                break;
            }
            long prev;
            long r;
            try {
                prev = m.readWord(fp);
                r = m.readWord(fp + 8);
            } catch (RuntimeException e) {
                break;
            }
            if (Long.compareUnsigned(r, 4096) < 0 || !view.inExecutable(r)) {
                break;
            }
            out.add(r);
            if (Long.compareUnsigned(prev, fp) <= 0 || prev - fp > (1L << 20) || prev % 8 != 0) {
                break;
            }
            fp = prev;
        }
        return out;
    }

    /** Target of an {@code E8 rel32} call ending at {@code ret}, 0 if there is none. */
    static long directCallTarget(long ret, Machine m) {
        try {
            byte[] b = m.read(ret - 5, 5);
            if ((b[0] & 0xff) != 0xE8) {
                return 0;
            }
            int rel = (b[1] & 0xff) | (b[2] & 0xff) << 8 | (b[3] & 0xff) << 16 | (b[4] & 0xff) << 24;
            return ret + rel;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** A direct call, or an indirect {@code FF /2} call of the common lengths, ends at ret. */
    static boolean isAfterCall(long ret, Machine m) {
        try {
            byte[] b = m.read(ret - 7, 7);
            if ((b[2] & 0xff) == 0xE8) {
                return true;
            }
            for (int len : new int[] {2, 3, 4, 6, 7}) {
                int at = 7 - len;
                if ((b[at] & 0xff) == 0xFF && ((b[at + 1] >> 3) & 7) == 2) {
                    return true;
                }
                boolean rex = (b[at] & 0xf0) == 0x40;
                if (rex && len >= 3 && (b[at + 1] & 0xff) == 0xFF && ((b[at + 2] >> 3) & 7) == 2) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
