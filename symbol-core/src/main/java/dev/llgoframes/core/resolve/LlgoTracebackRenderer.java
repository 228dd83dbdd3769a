package dev.llgoframes.core.resolve;

import dev.llgoframes.core.panic.FrameSplicer;

import java.util.List;
import java.util.function.LongFunction;

/**
 * Prints raw pcs exactly as LLGo's runtime would (§9.2, §9.3, §9.5), so the text LLGo shows for
 * a program can be reproduced from its binary and the pcs a debugger or fault handler captured.
 */
public final class LlgoTracebackRenderer {
    private final FaithfulResolver resolver;

    public LlgoTracebackRenderer(FaithfulResolver resolver) {
        this.resolver = resolver;
    }

    private static String hex(long v) {
        return Long.toHexString(v);
    }

    /** §9.3: fault traceback body (header included) for pcs whose first element is fault pc + 1. */
    public String faultTraceback(List<Long> pcs) {
        return faultTraceback(pcs, pc -> null);
    }

    /**
     * §9.3 with libunwind's names (Darwin, or LLGO_DYNUNWIND_NAMES=1 on Linux): {@code unwindName}
     * gives the name libunwind reports for a frame (asked with pc − 1), or null. A dot-less name (a C
     * symbol) replaces the table's answer and prints with {@code pc=0x…}, so C frames and the C
     * {@code main} appear under their own names.
     */
    public String faultTraceback(List<Long> pcs, LongFunction<String> unwindName) {
        StringBuilder b = new StringBuilder("goroutine 1 [running]:\n");
        int printedInText = 0;
        for (long pc : pcs) {
            boolean inText = resolver.inText(pc);
            Sym s = resolver.resolve(pc - 1);
            String name = s.function();
            String file = s.file();
            int line = s.line();
            long entry = s.entry();
            String d = unwindName.apply(pc - 1);
            if (d != null && !d.isEmpty() && (name.isEmpty() || d.indexOf('.') < 0)) {
                name = d;
                file = "";
                line = 0;
                entry = 0;
            }
            if (!inText && (printedInText > 0 || name.isEmpty())) {
                break;
            }
            if (name.isEmpty()) {
                name = "pc=0x" + hex(pc);
            }
            b.append(name).append("(...)\n\t");
            if (file.isEmpty()) {
                b.append("pc=0x").append(hex(pc - 1));
            } else {
                b.append(file).append(':').append(line);
                if (entry != 0 && Long.compareUnsigned(pc, entry) >= 0) {
                    b.append(" +0x").append(hex(pc - entry));
                }
            }
            b.append('\n');
            if (inText) {
                printedInText++;
            }
        }
        return b.toString();
    }

    /** §9.2: panic traceback body for raw return addresses (the view after splicing). */
    public String panicTraceback(List<Long> pcs) {
        StringBuilder b = new StringBuilder("goroutine 1 [running]:\n");
        boolean top = true;
        for (long pc : pcs) {
            FaithfulResolver.CallerFrame f = resolver.callersFrame(pc);
            if (top && FrameSplicer.hasRuntimePrefix(f.function())) {
                continue;
            }
            top = false;
            appendFrame(b, f, "(...)");
        }
        return b.toString();
    }

    /** §9.5: runtime.Stack text for raw return addresses starting at runtime.Callers. */
    public String stack(long goid, List<Long> pcs) {
        StringBuilder b = new StringBuilder("goroutine ").append(goid).append(" [running]:\n");
        for (long pc : pcs) {
            appendFrame(b, resolver.callersFrame(pc), "()");
        }
        return b.toString();
    }

    private static void appendFrame(StringBuilder b, FaithfulResolver.CallerFrame f, String suffix) {
        b.append(f.function()).append(suffix).append("\n\t");
        b.append(f.file().isEmpty() ? "???" : f.file()).append(':').append(f.line());
        if (f.entry() != 0 && Long.compareUnsigned(f.pc(), f.entry()) >= 0) {
            b.append(" +0x").append(hex(f.pc() - f.entry()));
        }
        b.append('\n');
    }
}
