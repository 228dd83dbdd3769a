package dev.llgoframes.core.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites an LLGo stack into the frames gc would show for the same program (spec §9.9). Pure:
 * frames in, frames out, every change explained in {@link GcViewResult#changes()} and, where a frame
 * survives, in its note.
 */
public final class GcView {
    /** gc prints at most this many frames; beyond it the first and last 50 with a marker between. */
    static final int MAX_FRAMES = 100;
    static final int OUTER = 50;

    private GcView() {}

    public static GcViewResult apply(LlgoStack st, GcViewOptions opt) {
        if (opt == null) opt = GcViewOptions.NONE;
        List<String> changes = new ArrayList<>();
        List<ViewFrame> in = st.frames();
        int from = 0, to = in.size();

        // debug.Stack/runtime.Stack: gc's output starts at runtime/debug.Stack (or Stack's caller).
        if (st.shape() == StackShape.STACK_DUMP) {
            while (from < to && isStackEntry(in.get(from).function())) {
                changes.add("dropped LLGo-only top frame " + in.get(from).function());
                from++;
            }
        }

        // Where the list really ends: runtime.goexit, a goroutine-start wrapper, or garbage.
        ViewFrame createdBy = null;
        boolean bottom = false;
        boolean sawGo = false;
        for (int i = from; i < to; i++) {
            ViewFrame f = in.get(i);
            String fn = f.function();
            // C main is the process entry too: below it only libc's start code, which gc never shows
            if ("runtime.goexit".equals(fn) || "main".equals(fn) && (i == to - 1 || f.kind() == FrameKind.C)) {
                bottom = true;
                if (i + 1 < to) {
                    changes.add("dropped " + (to - i - 1) + " frame(s) past " + fn + " (return addresses beyond the program's entry, garbage)");
                }
                to = i + 1;
                break;
            }
            if (GoNames.isRoutineWrapper(fn)) {
                bottom = true;
                createdBy = new ViewFrame(fn, null, null, f.pc(), f.entry(), f.offset(), FrameKind.GO,
                        f.provenance(), "LLGo goroutine-start wrapper " + fn
                        + "; gc names the function containing the go statement, which LLGo does not record");
                changes.add("goroutine-start wrapper " + fn + " ends the stack: shown as created by");
                if (i + 1 < to) changes.add("dropped " + (to - i - 1) + " frame(s) LLGo printed below the wrapper");
                to = i;
                break;
            }
            if (sawGo && outsideText(f)) {
                changes.add("stopped at frame " + (i - from) + " (" + fn + "): outside the program text, garbage");
                to = i;
                break;
            }
            if (f.kind() == FrameKind.GO) sawGo = true;
        }
        while (to > from && isTail(in.get(to - 1).function())) {
            bottom = true;
            changes.add("hid " + in.get(to - 1).function() + " (gc does not show it)");
            to--;
        }

        // The frames gc shows, with its names and its panic frames.
        String goroot = opt.goroot() != null ? opt.goroot() : gorootOf(in);
        Integer faultIndex = st.fault() ? st.faultFrameIndex() : null;
        List<ViewFrame> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ViewFrame f = in.get(i);
            if (faultIndex != null && i == faultIndex) {
                if (out.isEmpty() || out.get(out.size() - 1).kind() != FrameKind.PANIC) {
                    out.add(panicFrame(goroot, "gc's runtime.gopanic, raised by runtime.sigpanic after the fault"));
                }
                out.add(new ViewFrame("runtime.sigpanic", goroot + "/src/runtime/signal_unix.go", null, null, null, null,
                        FrameKind.RUNTIME, Provenance.INFERRED, "gc's signal-to-panic frame above the faulting frame"));
                changes.add("added panic and runtime.sigpanic above the faulting frame " + f.function());
            }
            if (GoNames.isLlgoMachinery(f.function())) {
                int j = i;
                StringBuilder names = new StringBuilder();
                while (j < to && GoNames.isLlgoMachinery(in.get(j).function()) && (j == i || faultIndex == null || j != faultIndex)) {
                    if (names.length() > 0) names.append(", ");
                    names.append(in.get(j).function());
                    j++;
                }
                if (out.isEmpty()) {
                    changes.add("hid LLGo runtime frames at the top: " + names + " (gc hides gopanic as the first frame)");
                } else if (out.get(out.size() - 1).kind() != FrameKind.PANIC) {
                    out.add(panicFrame(goroot, "stands for LLGo's " + names));
                    changes.add("replaced " + names + " by gc's panic frame");
                } else {
                    changes.add("dropped " + names + " below gc's panic frame");
                }
                i = j - 1;
                continue;
            }
            String gn = GoNames.gcName(f.function());
            if (gn != null && !gn.equals(f.function())) {
                changes.add("renamed " + f.function() + " to gc's " + gn);
                f = f.withFunction(gn).withNote("LLGo name " + f.function());
            }
            out.add(f);
        }
        if (!bottom && !out.isEmpty()) {
            String why = "LLGo's list ends at " + out.get(out.size() - 1).function()
                    + " without runtime.main/runtime.goexit: LLGo stopped short (at most 64 frames in panic and fault"
                    + " tracebacks) or the text is cut; gc would show the frames below";
            changes.add(why);
            out.set(out.size() - 1, out.get(out.size() - 1).withNote(why));
        }

        ViewGoroutine.Elision elision = null;
        if (out.size() > MAX_FRAMES) {
            int cut = out.size() - 2 * OUTER;
            List<ViewFrame> kept = new ArrayList<>(out.subList(0, OUTER));
            kept.addAll(out.subList(out.size() - OUTER, out.size()));
            out = kept;
            elision = new ViewGoroutine.Elision(OUTER, cut);
            changes.add("elided " + cut + " middle frames as gc does beyond " + MAX_FRAMES);
        }

        long id;
        if (opt.realGoroutineId() != null) {
            id = opt.realGoroutineId();
        } else if (st.printedGoroutineId() == 0) {
            id = 1;
            changes.add("goroutine 0 is LLGo's id of the main goroutine; gc says 1");
        } else {
            id = st.printedGoroutineId();
            if (st.shape() != StackShape.STACK_DUMP) changes.add("LLGo prints goroutine 1 in every panic traceback; real id unknown");
        }

        String signal = null;
        FaultSignal sig = FaultSignal.of(st.faultHint());
        boolean panicText = st.panic() != null && st.shape() != StackShape.STACK_DUMP;
        if (sig != null && panicText && st.faultPc() != null) {
            signal = SignalInfo.format(sig.name(), sig.description(), opt.signalCode(), opt.signalAddr(), st.faultPc());
            changes.add("added gc's [signal " + sig.name() + " …] line");
        } else if (sig != null && panicText && st.shape() == StackShape.FAULT_TRACEBACK) {
            changes.add("no [signal " + sig.name() + " …] line: the fault pc is unknown without the binary");
        }
        if (st.shape() == StackShape.CLITE_DUMP) {
            changes.add("the clite dump starts at the caller of the panicking function's caller (§9.4): gc would show two more frames on top");
        }
        return new GcViewResult(new ViewGoroutine(id, st.state(), st.shape() == StackShape.STACK_DUMP ? null : st.panic(),
                signal, createdBy, out, elision), changes);
    }

    private static boolean isStackEntry(String fn) {
        return "runtime.Callers".equals(fn) || "runtime.Stack".equals(fn);
    }

    /** runtime.main, and the process entry: {@code runtime.goexit} on Linux, the C {@code main} with libunwind names. */
    private static boolean isTail(String fn) {
        return "runtime.main".equals(fn) || "runtime.goexit".equals(fn) || "main".equals(fn);
    }

    /**
     * A return address outside the text resolves to the table's last function with an absurd offset
     * (section R: ≈0x7f…), or to nothing at all.
     */
    private static boolean outsideText(ViewFrame f) {
        return GoNames.isUnnamed(f.function()) || f.offset() != null && (f.offset() >>> 32) != 0;
    }

    private static ViewFrame panicFrame(String goroot, String note) {
        return new ViewFrame("panic", goroot + "/src/runtime/panic.go", null, null, null, null, FrameKind.PANIC,
                Provenance.INFERRED, note);
    }

    /** GOROOT as seen in the frames ({@code …/src/runtime/debug/stack.go}), else {@code $GOROOT}. */
    static String gorootOf(List<ViewFrame> frames) {
        for (ViewFrame f : frames) {
            String file = f.file();
            if (file == null) continue;
            int k = file.indexOf("/src/runtime/");
            if (k > 0 && file.indexOf("/llgo/") < 0) return file.substring(0, k);
        }
        return "$GOROOT";
    }
}
