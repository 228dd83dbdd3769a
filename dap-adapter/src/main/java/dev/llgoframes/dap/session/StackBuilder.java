package dev.llgoframes.dap.session;

import java.util.ArrayList;
import java.util.List;

/**
 * A stopped thread's stack: the backend's physical unwind, repaired at a frameless leaf, each
 * pc then described by the core. The backend's names are discarded for the executable's code.
 */
public final class StackBuilder {
    /** Deep recursion beyond this is cut; the user sees the top. */
    public static final int MAX_FRAMES = 512;

    private final Backend backend;
    private final SymbolView view;

    public StackBuilder(Backend backend, SymbolView view) {
        this.backend = backend;
        this.view = view;
    }

    public List<StackEntry> unwind(int threadId) {
        List<RawFrame> raw = backend.frames(threadId, 0, MAX_FRAMES - 1);
        List<StackEntry> frames = new ArrayList<>(raw.size());
        boolean interrupted = true; // frame 0 is the stop pc itself
        for (RawFrame f : raw) {
            frames.add(new StackEntry(f.level(), f.pc(), !interrupted, f.backendName(), StackEntry.FROM_BACKEND));
            // the frame above a signal trampoline is an interrupted pc, not a return address
            interrupted = f.signalTrampoline();
        }
        return new FramelessLeafRepair(view).repair(frames, machine(threadId));
    }

    private FramelessLeafRepair.Machine machine(int threadId) {
        return new FramelessLeafRepair.Machine() {
            @Override
            public long stackPointer() { return backend.register(threadId, 0, "sp"); }

            @Override
            public long framePointer() { return backend.register(threadId, 0, "rbp"); }

            @Override
            public long readWord(long address) { return backend.readWord(address); }

            @Override
            public byte[] read(long address, int length) { return backend.readMemory(address, length); }

            @Override
            public boolean readable(long address) {
                try {
                    backend.readMemory(address, 1);
                    return true;
                } catch (BackendException e) {
                    return false;
                }
            }
        };
    }

    public FrameDescription describe(StackEntry e) {
        if (e.role() == StackEntry.Role.SIGPANIC) {
            return new FrameDescription("runtime.sigpanic", null, null, dev.llgoframes.core.symbolize.FrameKind.RUNTIME, true,
                    "gc's signal-to-panic frame; LLGo turns the signal into a panic inside its handler");
        }
        if (e.role() == StackEntry.Role.PANIC) {
            String standIn = e.pc() == 0 ? null : view.describe(e.pc(), e.returnAddress(), e.backendName()).name();
            return new FrameDescription("panic", null, null, dev.llgoframes.core.symbolize.FrameKind.RUNTIME, true,
                    "gc's runtime.gopanic" + (standIn == null ? "" : "; LLGo's frame here is " + standIn));
        }
        if (e.backendName() != null && e.backendName().equals("<signal handler called>")) {
            return new FrameDescription("<signal handler called>", null, null,
                    dev.llgoframes.core.symbolize.FrameKind.C, false, null);
        }
        FrameDescription d = view.describe(e.pc(), e.returnAddress(), e.backendName());
        if (e.recovered()) {
            String note = "recovered by the adapter: " + e.origin() + (d.note() == null ? "" : "; " + d.note());
            return new FrameDescription(d.name(), d.file(), d.line(), d.kind(), d.inExecutable(), note);
        }
        return d;
    }
}
