package dev.llgoframes.dap.session;

import java.util.ArrayList;
import java.util.List;

/**
 * A step the session drives across several backend stops. Without DWARF, lines exist only at
 * statement anchors, so source steps are built from instruction steps and temporary breakpoints.
 */
interface StepPlan {
    enum Outcome {
        /** The step is complete: report a "step" stop. */
        DONE,
        /** The plan issued another backend command; wait for the next stop. */
        WAITING,
        /** Something else stopped the program (breakpoint, signal, exit): report that instead. */
        INTERRUPTED
    }

    void start();

    Outcome onStop(RawStop stop);

    /** Removes whatever the plan installed; called once after DONE or INTERRUPTED. */
    default void cleanup() {}

    /** One machine instruction (into calls). */
    final class Instruction implements StepPlan {
        private final Backend backend;
        private final int thread;
        private final boolean over;

        Instruction(Backend backend, int thread, boolean over) {
            this.backend = backend;
            this.thread = thread;
            this.over = over;
        }

        @Override
        public void start() {
            if (over) {
                backend.nextInstruction(thread);
            } else {
                backend.stepInstruction(thread);
            }
        }

        @Override
        public Outcome onStop(RawStop stop) {
            return stop.kind() == RawStop.Kind.STEP_DONE ? Outcome.DONE : Outcome.INTERRUPTED;
        }
    }

    /**
     * Step in: instruction steps until the pc reaches another anchored line or another function
     * (a call's first instruction), bounded so a long anchor-less stretch still returns.
     */
    final class Into implements StepPlan {
        static final int BUDGET = 2000;
        private final Backend backend;
        private final SymbolView view;
        private final int thread;
        private final long startEntry;
        private final Integer startLine;
        private int budget = BUDGET;

        Into(Backend backend, SymbolView view, int thread, long pc) {
            this.backend = backend;
            this.view = view;
            this.thread = thread;
            this.startEntry = view.entryAt(pc);
            this.startLine = view.describe(pc, false, null).line();
        }

        @Override
        public void start() {
            backend.stepInstruction(thread);
        }

        @Override
        public Outcome onStop(RawStop stop) {
            if (stop.kind() != RawStop.Kind.STEP_DONE) {
                return Outcome.INTERRUPTED;
            }
            long pc = stop.pc();
            if (view.entryAt(pc) != startEntry || startLine == null || --budget <= 0) {
                return Outcome.DONE;
            }
            Integer line = view.describe(pc, false, null).line();
            if (line != null && !line.equals(startLine)) {
                return Outcome.DONE;
            }
            backend.stepInstruction(thread);
            return Outcome.WAITING;
        }
    }

    /**
     * Step over: temporary breakpoints on the function's other anchored lines and on the return
     * address, then run. A hit in a deeper recursive invocation (more frames) runs on.
     */
    final class Over implements StepPlan {
        private final Backend backend;
        private final int thread;
        private final List<Long> targets;
        private final List<Integer> installed = new ArrayList<>();
        private int startDepth;

        Over(Backend backend, int thread, List<Long> targets) {
            this.backend = backend;
            this.thread = thread;
            this.targets = targets;
        }

        @Override
        public void start() {
            startDepth = depth();
            for (long t : targets) {
                try {
                    installed.add(backend.insertBreakpoint(t, false, null));
                } catch (BackendException e) {
                    // an unreadable return address (e.g. outermost frame): the other targets still work
                }
            }
            backend.resume();
        }

        private int depth() {
            return backend.frames(thread, 0, StackBuilder.MAX_FRAMES - 1).size();
        }

        @Override
        public Outcome onStop(RawStop stop) {
            if (stop.kind() != RawStop.Kind.BREAKPOINT || !installed.contains(stop.breakpoint())) {
                return Outcome.INTERRUPTED;
            }
            if (stop.threadId() == thread && depth() > startDepth) {
                backend.resume();
                return Outcome.WAITING;
            }
            return Outcome.DONE;
        }

        boolean owns(int backendNumber) {
            return installed.contains(backendNumber);
        }

        @Override
        public void cleanup() {
            try {
                backend.deleteBreakpoints(installed);
            } catch (BackendException ignored) {
                // the program may be gone
            }
        }
    }

    /** Step out: run until the current function returns. */
    final class Out implements StepPlan {
        private final Backend backend;
        private final int thread;

        Out(Backend backend, int thread) {
            this.backend = backend;
            this.thread = thread;
        }

        @Override
        public void start() {
            backend.finish(thread, 0);
        }

        @Override
        public Outcome onStop(RawStop stop) {
            // without debug info gdb's finish stop carries no reason at all
            boolean finished = stop.kind() == RawStop.Kind.FUNCTION_FINISHED
                    || (stop.kind() == RawStop.Kind.OTHER && stop.signalName() == null);
            return finished ? Outcome.DONE : Outcome.INTERRUPTED;
        }
    }
}
