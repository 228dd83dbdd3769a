package dev.llgoframes.dap.session;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.resolve.PcLineTable;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.symbolize.Symbolizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One debugging session over a backend, decided here and not in the protocol layer: what a stop
 * means, where a breakpoint goes, how a step is done, what a frame is called. Everything runs on
 * one session thread (requests and backend events alike), so state needs no locks; backend
 * events are re-posted to it from the backend's reader thread.
 */
public final class DebugSession implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DebugSession.class.getName());

    private enum State { NEW, CONFIGURING, RUNNING, STOPPED, EXITED, TERMINATED }

    private final SessionListener listener;
    private final BackendFactory backendFactory;
    private final ExecutorService thread;
    private final BreakpointBook book = new BreakpointBook();
    private final Handles<FrameView> frames = new Handles<>();
    private final Handles<Callable<List<Variable>>> containers = new Handles<>();
    private final Map<Integer, List<StackEntry>> stacks = new HashMap<>();
    private final Map<Integer, ExceptionDetails> exceptions = new HashMap<>();
    private final Set<ExceptionFilter> filters = EnumSet.noneOf(ExceptionFilter.class);
    /** Threads whose current stop is about a panic: their stacks are shown in gc's panic shape. */
    private final Set<Integer> panicStops = new java.util.HashSet<>();

    private Backend backend;
    private SessionTarget target;
    private SymbolView view;
    private SourceIndex sources;
    private StackBuilder stackBuilder;
    private PanicInspector panics;
    private Disassembly disassembly;
    private MemoryReader memory;
    /** The recovered filter waits for Recover to return into the deferred function. */
    private record RecoverReturn(int breakpoint, int threadId, dev.llgoframes.core.panic.PanicValue value) {}
    private RecoverReturn pendingRecover;
    private ReplGuard guard = new ReplGuard(false);
    private State state = State.NEW;
    private StepPlan plan;
    private boolean pauseRequested;
    private boolean terminatedSent;
    private long inferiorPid;
    /** Which backend's events count: a restart starts a new one and the old one's late events are dropped. */
    private int generation;

    public DebugSession(SessionListener listener, BackendFactory backendFactory) {
        this.listener = listener;
        this.backendFactory = backendFactory;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "debug-session");
            t.setDaemon(true);
            return t;
        });
        for (ExceptionFilter f : ExceptionFilter.values()) {
            if (f.defaultOn()) {
                filters.add(f);
            }
        }
    }

    /** Runs on the session thread; failures come back as the future's exception. */
    private <T> CompletableFuture<T> onThread(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    f.complete(work.call());
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new SessionException("the debug session has ended"));
        }
        return f;
    }

    private void post(Runnable r) {
        try {
            thread.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "session event failed", e);
                    listener.output("important", "internal error: " + e.getMessage() + "\n");
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // session closed
        }
    }

    // ---------------------------------------------------------------- start

    public CompletableFuture<Void> start(SessionTarget t) {
        return onThread(() -> {
            if (state != State.NEW) {
                throw new SessionException("a session was already started");
            }
            this.target = t;
            this.guard = new ReplGuard(t.allowUnsafeCommands());
            open(t);
            state = State.CONFIGURING;
            applyFaultFilter();
            return null;
        });
    }

    /** A new backend on the target, and everything that reads through it. */
    private void open(SessionTarget t) {
        Path program = t.program().toAbsolutePath();
        if (!Files.isRegularFile(program)) {
            throw new SessionException("program not found: " + program);
        }
        Symbolizer symbolizer = openBinary(program);
        backend = backendFactory.start(t.gdbPath() == null ? "gdb" : t.gdbPath(), new Events(++generation));
        try {
            backend.loadProgram(program);
            if (t instanceof SessionTarget.Launch l) {
                backend.configureLaunch(l.args(), l.cwd(), l.env());
                inferiorPid = backend.startAtFirstInstruction();
                listener.process(program.toString(), inferiorPid, "launch");
            } else if (t instanceof SessionTarget.Attach a) {
                backend.attach(a.pid());
                inferiorPid = a.pid();
                listener.process(program.toString(), a.pid(), "attach");
            } else if (t instanceof SessionTarget.Core c) {
                backend.loadCore(c.coreFile().toAbsolutePath());
            }
            view = new SymbolView(symbolizer, SlideFinder.find(symbolizer, backend), t.paths());
        } catch (RuntimeException e) {
            shutdownBackend();
            throw e;
        }
        sources = new SourceIndex(symbolizer);
        stackBuilder = new StackBuilder(backend, view);
        panics = new PanicInspector(backend, view);
        disassembly = new Disassembly(backend, view);
        memory = new MemoryReader(backend);
    }

    /**
     * Runs the launched program again under a fresh backend, with the same arguments and the
     * client's breakpoints (same ids) and filters, as if configuration had just finished. The old
     * backend's late events are ignored by generation.
     */
    public CompletableFuture<Void> restart() {
        return onThread(() -> {
            requireStarted();
            if (!(target instanceof SessionTarget.Launch)) {
                throw new SessionException("only a launched program can be restarted; an attached process or a core file cannot");
            }
            endPlan();
            pendingRecover = null;
            pauseRequested = false;
            try {
                if (backend.isAlive() && inferiorPid != 0) {
                    backend.killInferior();
                }
            } catch (BackendException e) {
                LOG.fine("restart kill: " + e.getMessage());
            }
            killLaunchedInferior();
            shutdownBackend();
            forgetStop();
            book.clear();
            try {
                open(target);
            } catch (RuntimeException e) {
                state = State.TERMINATED;
                sendTerminated(e.getMessage());
                throw e;
            }
            state = State.CONFIGURING;
            terminatedSent = false;
            applyFaultFilter();
            sourceRequests.forEach((path, r) -> placeSource(path, r.places(), r.options(), r.ids()));
            if (functionRequest != null) {
                placeFunctions(functionRequest.places(), functionRequest.options(), functionRequest.ids());
            }
            if (instructionRequest != null) {
                placeInstructions(instructionRequest.places(), instructionRequest.options(), instructionRequest.ids());
            }
            if (filterIds != null) {
                applyFilters(filterIds);
            }
            finishConfiguration();
            return null;
        });
    }

    private static Symbolizer openBinary(Path program) {
        try {
            LlgoBinary bin = LlgoBinary.open(program);
            if (bin.image().goos() != dev.llgoframes.core.image.Goos.LINUX) {
                // gdb on Linux cannot run a darwin executable; symbolizing it still works offline.
                throw new SessionException(program + " is a " + bin.image().format() + " executable; it can only be debugged"
                        + " on macOS. Use `llgo-frames inspect` / `symbolize` / `trace --binary` to read it here.");
            }
            return Symbolizer.of(bin);
        } catch (BinaryFormatException e) {
            throw new SessionException("cannot read the program's symbol tables: " + e.getMessage());
        } catch (IOException e) {
            throw new SessionException("cannot read " + program + ": " + e.getMessage());
        }
    }

    /** After the client's configuration: run (launch, attach), or show the core's stop. */
    public CompletableFuture<Void> configurationDone() {
        return onThread(() -> {
            requireStarted();
            if (state != State.CONFIGURING) {
                return null;
            }
            finishConfiguration();
            return null;
        });
    }

    private void finishConfiguration() {
        if (target instanceof SessionTarget.Core) {
            state = State.STOPPED;
            listener.stopped(describeCoreStop(firstThread()));
            return;
        }
        if (target instanceof SessionTarget.Launch l && l.stopOnEntry()) {
            long main = view.symbolAddress("main");
            if (main == 0) {
                state = State.STOPPED;
                listener.stopped(new StopEvent("entry", firstThread(), null, null, List.of()));
                return;
            }
            int n = backend.insertBreakpoint(main, true, null);
            book.add(new BreakpointBook.Entry(book.newId(), BreakpointBook.Kind.ENTRY, "entry", List.of(n), null));
        }
        resumeAll();
    }

    private StopEvent describeCoreStop(int tid) {
        String sig = null;
        try {
            String v = backend.evaluate("$_siginfo.si_signo", tid, 0).trim();
            sig = signalName(Integer.parseInt(v));
        } catch (RuntimeException e) {
            LOG.fine("core without siginfo: " + e.getMessage());
        }
        Optional<Fault> fault = Fault.of(sig);
        if (fault.isPresent()) {
            return exceptionStop(tid, fault.get(), currentPc(tid));
        }
        return new StopEvent("exception", tid, "core file", sig == null ? "core file" : sig, List.of());
    }

    private static String signalName(int n) {
        return switch (n) {
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 11 -> "SIGSEGV";
            case 6 -> "SIGABRT";
            default -> "signal " + n;
        };
    }

    private int firstThread() {
        List<RawThread> ts = backend.threads();
        return ts.isEmpty() ? 1 : ts.get(0).id();
    }

    private void requireStarted() {
        if (backend == null) {
            throw new SessionException("no program: send launch or attach first");
        }
    }

    private void requireStopped() {
        requireStarted();
        if (state != State.STOPPED) {
            throw new SessionException(state == State.RUNNING ? "the program is running" : "the program is not stopped");
        }
    }

    private void requireLive() {
        requireStarted();
        if (target instanceof SessionTarget.Core) {
            throw new SessionException("post-mortem session on a core file: the program cannot run, step or pause;"
                    + " inspect the stack, registers and memory, then disconnect");
        }
        if (state == State.EXITED || state == State.TERMINATED) {
            throw new SessionException("the program has exited");
        }
    }

    // ---------------------------------------------------------------- breakpoints

    public CompletableFuture<List<BreakpointResult>> setSourceBreakpoints(String path, List<Integer> lines,
                                                                          List<BreakpointOptions> options) {
        return onThread(() -> {
            requireStarted();
            List<Integer> old = book.removeGroup(BreakpointBook.Kind.SOURCE, path);
            deleteQuietly(old);
            return placeSource(path, lines, options, null);
        });
    }

    /** A client request remembered for restart: places, options, and the ids the client was given. */
    private record Remembered<T>(List<T> places, List<BreakpointOptions> options, List<Integer> ids) {}

    private final Map<String, Remembered<Integer>> sourceRequests = new LinkedHashMap<>();
    private Remembered<String> functionRequest;
    private Remembered<Long> instructionRequest;
    private List<String> filterIds;

    /** The id a verified breakpoint gets: the one it had before a restart, else a new one. */
    private int idFor(List<Integer> previous, int k) {
        Integer old = previous == null || k >= previous.size() ? null : previous.get(k);
        return old != null ? old : book.newId();
    }

    /** A breakpoint's parsed hit condition, or why no breakpoint of any kind can be placed. */
    private record Admission(HitCondition hit, String refusal) {
    }

    private Admission admit(BreakpointOptions opts) {
        HitCondition hit;
        try {
            hit = HitCondition.parse(opts.hitCondition()).orElse(null);
        } catch (SessionException e) {
            return new Admission(null, e.getMessage());
        }
        if (target instanceof SessionTarget.Core) {
            return new Admission(null, "a core file does not run: breakpoints have no effect");
        }
        return new Admission(hit, null);
    }

    private static List<Integer> idsOf(List<BreakpointResult> results) {
        return results.stream().map(BreakpointResult::id).collect(java.util.stream.Collectors.toList());
    }

    private List<BreakpointResult> placeSource(String path, List<Integer> lines, List<BreakpointOptions> options,
                                               List<Integer> previousIds) {
        List<BreakpointResult> out = new ArrayList<>();
        Optional<String> file = sources.resolveFile(view.paths().toBuild(path));
        for (int k = 0; k < lines.size(); k++) {
            int line = lines.get(k);
            BreakpointOptions opts = optionsAt(options, k);
            String cond = opts.condition();
            Admission admission = admit(opts);
            if (admission.refusal() != null) {
                out.add(new BreakpointResult(null, false, line, admission.refusal()));
                continue;
            }
            HitCondition hit = admission.hit();
            if (file.isEmpty()) {
                out.add(new BreakpointResult(null, false, line, sources.knowsFiles()
                        ? "no statement anchors for " + path + " in this program"
                        : "this program has no LLGo line tables (built with -pclntab=none or not by LLGo)"));
                continue;
            }
            Optional<SourceIndex.Placement> p = sources.place(file.get(), line);
            if (p.isEmpty()) {
                out.add(new BreakpointResult(null, false, line, "no statement anchor at or after line " + line
                        + " (within " + SourceIndex.MAX_MOVE + " lines); without DWARF only anchored statements can break"));
                continue;
            }
            List<Integer> nums = new ArrayList<>();
            String error = null;
            for (long linkPc : p.get().linkPcs()) {
                try {
                    nums.add(backend.insertBreakpoint(view.toRuntime(linkPc), false, cond));
                } catch (BackendException e) {
                    error = e.getMessage();
                }
            }
            if (nums.isEmpty()) {
                out.add(new BreakpointResult(null, false, line, "the debugger refused the breakpoint: " + error));
                continue;
            }
            int id = idFor(previousIds, k);
            book.add(new BreakpointBook.Entry(id, BreakpointBook.Kind.SOURCE, path, nums, null, opts, hit));
            String msg = p.get().line() != line ? "moved from line " + line + " to the next statement anchor" : null;
            out.add(new BreakpointResult(id, true, p.get().line(), msg));
        }
        if (lines.isEmpty()) {
            sourceRequests.remove(path);
        } else {
            sourceRequests.put(path, new Remembered<>(List.copyOf(lines), options, idsOf(out)));
        }
        return out;
    }

    private static BreakpointOptions optionsAt(List<BreakpointOptions> options, int k) {
        return options == null || k >= options.size() || options.get(k) == null ? BreakpointOptions.NONE : options.get(k);
    }

    public CompletableFuture<List<BreakpointResult>> setFunctionBreakpoints(List<String> names, List<BreakpointOptions> options) {
        return onThread(() -> {
            requireStarted();
            deleteQuietly(book.removeGroup(BreakpointBook.Kind.FUNCTION, "functions"));
            return placeFunctions(names, options, null);
        });
    }

    private List<BreakpointResult> placeFunctions(List<String> names, List<BreakpointOptions> options, List<Integer> previousIds) {
        List<BreakpointResult> out = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k).trim();
            BreakpointOptions opts = optionsAt(options, k);
            String cond = opts.condition();
            long link = view.symbolizer().entryOf(name);
            if (link == 0) {
                out.add(new BreakpointResult(null, false, null, "no function named " + name + " in this program"));
                continue;
            }
            Admission admission = admit(opts);
            if (admission.refusal() != null) {
                out.add(new BreakpointResult(null, false, null, admission.refusal()));
                continue;
            }
            HitCondition hit = admission.hit();
            try {
                int n = backend.insertBreakpoint(view.toRuntime(link), false, cond);
                int id = idFor(previousIds, k);
                book.add(new BreakpointBook.Entry(id, BreakpointBook.Kind.FUNCTION, "functions", List.of(n), null, opts, hit));
                FrameDescription d = view.describe(view.toRuntime(link), false, null);
                out.add(new BreakpointResult(id, true, d.line(), null));
            } catch (BackendException e) {
                out.add(new BreakpointResult(null, false, null, "the debugger refused the breakpoint: " + e.getMessage()));
            }
        }
        functionRequest = new Remembered<>(List.copyOf(names), options, idsOf(out));
        return out;
    }

    /** Breakpoints on run-time instruction addresses (the disassembly view's); replaces the previous set. */
    public CompletableFuture<List<BreakpointResult>> setInstructionBreakpoints(List<Long> addresses, List<BreakpointOptions> options) {
        return onThread(() -> {
            requireStarted();
            deleteQuietly(book.removeGroup(BreakpointBook.Kind.INSTRUCTION, "instructions"));
            return placeInstructions(addresses, options, null);
        });
    }

    private List<BreakpointResult> placeInstructions(List<Long> addresses, List<BreakpointOptions> options,
                                                     List<Integer> previousIds) {
        List<BreakpointResult> out = new ArrayList<>();
        for (int k = 0; k < addresses.size(); k++) {
            BreakpointOptions opts = optionsAt(options, k);
            Admission admission = admit(opts);
            if (admission.refusal() != null) {
                out.add(new BreakpointResult(null, false, null, admission.refusal()));
                continue;
            }
            HitCondition hit = admission.hit();
            try {
                int n = backend.insertBreakpoint(addresses.get(k), false, opts.condition());
                int id = idFor(previousIds, k);
                book.add(new BreakpointBook.Entry(id, BreakpointBook.Kind.INSTRUCTION, "instructions", List.of(n), null,
                        opts, hit));
                out.add(new BreakpointResult(id, true, null, null));
            } catch (BackendException e) {
                out.add(new BreakpointResult(null, false, null, "the debugger refused the breakpoint: " + e.getMessage()));
            }
        }
        instructionRequest = new Remembered<>(List.copyOf(addresses), options, idsOf(out));
        return out;
    }

    /** Enables exactly these filters; returns one result per requested filter. */
    public CompletableFuture<List<BreakpointResult>> setExceptionFilters(List<String> ids) {
        return onThread(() -> applyFilters(ids));
    }

    private List<BreakpointResult> applyFilters(List<String> ids) {
        filterIds = List.copyOf(ids);
        filters.clear();
        List<BreakpointResult> out = new ArrayList<>();
        for (String id : ids) {
            Optional<ExceptionFilter> f = ExceptionFilter.byId(id);
            if (f.isEmpty()) {
                out.add(new BreakpointResult(null, false, null, "unknown exception filter " + id));
                continue;
            }
            filters.add(f.get());
            out.add(new BreakpointResult(null, true, null, null));
        }
        if (backend == null) {
            return out;
        }
        applyFaultFilter();
        for (ExceptionFilter f : ExceptionFilter.values()) {
            if (f == ExceptionFilter.FAULT) {
                continue;
            }
            deleteQuietly(book.removeGroup(BreakpointBook.Kind.EXCEPTION, f.id()));
            if (!filters.contains(f) || target instanceof SessionTarget.Core) {
                continue;
            }
            int at = ids.indexOf(f.id());
            Optional<String> sym = f.symbols().stream().filter(s -> view.symbolAddress(s) != 0).findFirst();
            if (sym.isEmpty()) {
                out.set(at, new BreakpointResult(null, false, null, "this program has none of " + f.symbols()
                        + " (not an LLGo binary, or the function was inlined)"));
                continue;
            }
            String cond = f.needsNullFirstArgument(sym.get()) ? panics.firstArgumentIsNull() : null;
            int n = backend.insertBreakpoint(view.symbolAddress(sym.get()), false, cond);
            book.add(new BreakpointBook.Entry(book.newId(), BreakpointBook.Kind.EXCEPTION, f.id(), List.of(n), f));
        }
        return out;
    }

    private void applyFaultFilter() {
        if (backend == null || target instanceof SessionTarget.Core) {
            return;
        }
        String mode = filters.contains(ExceptionFilter.FAULT) ? "stop print" : "nostop noprint";
        // always pass: LLGo's handler must see the signal to turn it into a panic (spec §8.6)
        backend.command("handle SIGSEGV SIGBUS SIGFPE " + mode + " pass");
    }

    private void deleteQuietly(List<Integer> nums) {
        if (nums.isEmpty() || backend == null) {
            return;
        }
        try {
            backend.deleteBreakpoints(nums);
        } catch (BackendException e) {
            LOG.fine("delete breakpoints: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- execution

    private void resumeAll() {
        requireNotDead();
        forgetStop();
        state = State.RUNNING;
        backend.resume();
    }

    private void forgetStop() {
        frames.reset();
        containers.reset();
        stacks.clear();
        exceptions.clear();
        panicStops.clear();
    }

    public CompletableFuture<Void> resume() {
        return onThread(() -> {
            requireLive();
            requireStopped();
            resumeAll();
            return null;
        });
    }

    public CompletableFuture<Void> pause() {
        return onThread(() -> {
            requireLive();
            // one interrupt per pause: requests outrun gdb's stop, and a second interrupt
            // landing after the next continue would stop the program unasked
            if (state == State.RUNNING && !pauseRequested) {
                pauseRequested = true;
                try {
                    backend.interrupt();
                } catch (BackendException e) {
                    pauseRequested = false;
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * A program that died while stopped is never reported by the debugger, and resuming it
     * fails half-way: collect its end now (exited + terminated) and refuse the request.
     */
    private void requireNotDead() {
        if (collectDeadInferior(java.time.Duration.ZERO)) {
            throw new SessionException("the program has exited");
        }
    }

    /** True if the program was found dead (its end is then reported). Only while it is held stopped. */
    private boolean collectDeadInferior(java.time.Duration wait) {
        if (state != State.STOPPED && state != State.CONFIGURING) {
            return false;
        }
        return collectDead(wait);
    }

    private boolean collectDead(java.time.Duration wait) {
        if (backend == null || target instanceof SessionTarget.Core) {
            return false;
        }
        Optional<RawStop> end = backend.collectDeadInferior(wait);
        if (end.isEmpty()) {
            return false;
        }
        endPlan();
        forgetStop();
        onExit(end.get());
        return true;
    }

    public enum StepKind { OVER, INTO, OUT }

    public CompletableFuture<Void> step(int threadId, StepKind kind, boolean instruction) {
        return onThread(() -> {
            requireLive();
            requireStopped();
            long pc = currentPc(threadId);
            StepPlan p;
            if (instruction) {
                p = new StepPlan.Instruction(backend, threadId, kind == StepKind.OVER);
                if (kind == StepKind.OUT) {
                    p = new StepPlan.Out(backend, threadId);
                }
            } else {
                p = switch (kind) {
                    case INTO -> new StepPlan.Into(backend, view, threadId, pc);
                    case OUT -> new StepPlan.Out(backend, threadId);
                    case OVER -> planOver(threadId, pc);
                };
            }
            requireNotDead();
            forgetStop();
            plan = p;
            state = State.RUNNING;
            try {
                p.start();
            } catch (BackendException e) {
                plan = null;
                p.cleanup();
                state = State.STOPPED;
                throw e;
            }
            return null;
        });
    }

    /** Over a source line: the function's other anchors and the caller; instruction-level without anchors. */
    private StepPlan planOver(int threadId, long pc) {
        if (!view.inExecutable(pc)) {
            return new StepPlan.Instruction(backend, threadId, true);
        }
        SymbolizedPc here = view.symbolizer().symbolize(view.toLink(pc), false);
        if (here.entry() == null || here.line() == null) {
            return new StepPlan.Instruction(backend, threadId, true);
        }
        List<Long> targets = new ArrayList<>();
        for (PcLineTable.Anchor a : view.symbolizer().binary().resolver().pclineTable().anchors()) {
            if (a.entry() == here.entry() && a.line() != here.line() && view.toRuntime(a.pc()) != pc) {
                targets.add(view.toRuntime(a.pc()));
            }
        }
        List<StackEntry> stack = stack(threadId);
        if (stack.size() > 1) {
            targets.add(stack.get(1).pc());
        }
        if (targets.isEmpty()) {
            return new StepPlan.Instruction(backend, threadId, true);
        }
        return new StepPlan.Over(backend, threadId, targets);
    }

    private long currentPc(int threadId) {
        List<RawFrame> f = backend.frames(threadId, 0, 0);
        if (f.isEmpty()) {
            throw new SessionException("thread " + threadId + " has no frames");
        }
        return f.get(0).pc();
    }

    // ---------------------------------------------------------------- stops

    private void onStop(RawStop s) {
        if (state == State.TERMINATED || state == State.EXITED) {
            // the end was already reported (collected from /proc before gdb got to it)
            return;
        }
        forgetStop();
        if (s.isExit()) {
            endPlan();
            onExit(s);
            return;
        }
        if (plan != null) {
            StepPlan.Outcome o;
            try {
                o = plan.onStop(s);
            } catch (BackendException e) {
                o = StepPlan.Outcome.INTERRUPTED;
                listener.output("console", "step failed: " + e.getMessage() + "\n");
            }
            if (o == StepPlan.Outcome.WAITING) {
                return;
            }
            endPlan();
            if (o == StepPlan.Outcome.DONE) {
                state = State.STOPPED;
                pauseRequested = false;
                listener.stopped(new StopEvent("step", s.threadId(), null, null, List.of()));
                return;
            }
        }
        StopEvent event;
        try {
            event = interpret(s);
        } catch (ResumeSilently r) {
            state = State.RUNNING;
            backend.resume();
            return;
        }
        state = State.STOPPED;
        // whatever stopped it, the program is stopped: a pending pause is satisfied
        pauseRequested = false;
        listener.stopped(event);
    }

    /** A stop the user never sees: an internal step of an exception filter. */
    private static final class ResumeSilently extends RuntimeException {
        ResumeSilently() { super(null, null, false, false); }
    }

    private void endPlan() {
        StepPlan p = plan;
        plan = null;
        if (p != null) {
            p.cleanup();
        }
    }

    /** The one place where a backend stop becomes a user-facing reason. */
    private StopEvent interpret(RawStop s) {
        int tid = s.threadId();
        switch (s.kind()) {
            case BREAKPOINT: {
                RecoverReturn pending = pendingRecover;
                if (pending != null && pending.breakpoint() == s.breakpoint()) {
                    pendingRecover = null;
                    // recover() returned nil: nothing was recovered by this call
                    if (panics.result(tid, 0) == 0) {
                        throw new ResumeSilently();
                    }
                    return panicStop(tid, ExceptionFilter.RECOVERED, pending.value());
                }
                Optional<BreakpointBook.Entry> e = book.byBackendNumber(s.breakpoint());
                if (e.isEmpty()) {
                    return new StopEvent("breakpoint", tid, null, null, List.of());
                }
                BreakpointBook.Entry b = e.get();
                return switch (b.kind()) {
                    case ENTRY -> {
                        book.forgetBackendNumber(s.breakpoint());
                        yield new StopEvent("entry", tid, null, null, List.of());
                    }
                    case FUNCTION -> userBreakpoint(tid, b, "function breakpoint");
                    case SOURCE -> userBreakpoint(tid, b, "breakpoint");
                    case INSTRUCTION -> userBreakpoint(tid, b, "instruction breakpoint");
                    case EXCEPTION -> panicTrap(tid, b.filter());
                };
            }
            case SIGNAL: {
                if (pauseRequested && ("SIGINT".equals(s.signalName()) || "SIGTRAP".equals(s.signalName())
                        || "0".equals(s.signalName()))) {
                    pauseRequested = false;
                    return new StopEvent("pause", tid, null, null, List.of());
                }
                Optional<Fault> fault = Fault.of(s.signalName());
                if (fault.isPresent()) {
                    return exceptionStop(tid, fault.get(), s.pc());
                }
                String text = s.signalName() + (s.signalMeaning() == null ? "" : ": " + s.signalMeaning());
                exceptions.put(tid, new ExceptionDetails(s.signalName(), text, text, "signal", null, false));
                return new StopEvent("exception", tid, "Paused on signal " + s.signalName(), text, List.of());
            }
            case STEP_DONE:
            case FUNCTION_FINISHED:
                return new StopEvent("step", tid, null, null, List.of());
            default:
                pauseRequested = false;
                return new StopEvent("pause", tid, null, null, List.of());
        }
    }

    /** A client breakpoint whose gdb condition held: its hit condition and log message decide the rest. */
    private StopEvent userBreakpoint(int tid, BreakpointBook.Entry b, String reason) {
        long count = book.countHit(b);
        if (b.hit() != null && !b.hit().stopsAt(count)) {
            throw new ResumeSilently();
        }
        if (b.options().isLogpoint()) {
            listener.output("console", LogMessage.render(b.options().logMessage(), e -> backend.evaluate(e, tid, 0)) + "\n");
            throw new ResumeSilently();
        }
        return new StopEvent(reason, tid, null, null, List.of(b.clientId()));
    }

    private StopEvent exceptionStop(int tid, Fault fault, long pc) {
        SignalDetails d = backend.signalDetails(tid);
        String message = "panic: " + fault.runtimeError() + "\n" + fault.signalLine(d, pc);
        exceptions.put(tid, new ExceptionDetails(fault.signal(), fault.runtimeError(), message, "runtime.Error",
                faultText(tid, fault, d, pc), false));
        return new StopEvent("exception", tid, "Paused on a hardware fault (" + fault.signal() + ")",
                fault.runtimeError(), List.of());
    }

    /** An exception-filter breakpoint on a runtime function was hit: what it means (§8.7). */
    private StopEvent panicTrap(int tid, ExceptionFilter f) {
        return switch (f) {
            // Panic(v) at its entry: the value is the argument, the node is not pushed yet
            case PANIC -> panicStop(tid, f, panics.value(panics.argument(tid, 0), panics.argument(tid, 1)));
            case UNRECOVERED -> {
                Optional<dev.llgoframes.core.panic.GState> g = panics.g(tid);
                if (g.isEmpty() || !g.get().panicking()) {
                    yield panicStop(tid, f, new dev.llgoframes.core.panic.PanicValue(null, "(panic value unreadable)", false));
                }
                dev.llgoframes.core.panic.PanicNode n = g.get().panics().get(0);
                yield panicStop(tid, f, panics.value(n.typeWord(), n.dataWord()));
            }
            case RECOVERED -> armRecoverReturn(tid);
            default -> panicStop(tid, f, new dev.llgoframes.core.panic.PanicValue(null, f.id(), false));
        };
    }

    /**
     * At Recover's entry: with a panic in flight, remember its value and run to the return into
     * the deferred function (same stack depth only, so recursion does not stop early).
     */
    private StopEvent armRecoverReturn(int tid) {
        Optional<dev.llgoframes.core.panic.GState> g = panics.g(tid);
        if (g.isEmpty() || !g.get().panicking()) {
            throw new ResumeSilently();
        }
        dev.llgoframes.core.panic.PanicNode n = g.get().panics().get(0);
        List<RawFrame> fr = backend.frames(tid, 0, 1);
        if (fr.size() < 2) {
            listener.output("console", "recovered filter: no caller of Recover to return to\n");
            throw new ResumeSilently();
        }
        long sp = backend.register(tid, 0, "sp");
        // amd64: the return pops the return address; arm64 returns through LR with sp unchanged
        long after = view.symbolizer().binary().image().arch() == dev.llgoframes.core.image.Arch.AARCH64 ? sp : sp + 8;
        int bp = backend.insertBreakpoint(fr.get(1).pc(), true, "$sp == " + Long.toUnsignedString(after));
        pendingRecover = new RecoverReturn(bp, tid, panics.value(n.typeWord(), n.dataWord()));
        throw new ResumeSilently();
    }

    private StopEvent panicStop(int tid, ExceptionFilter f, dev.llgoframes.core.panic.PanicValue v) {
        panicStops.add(tid);
        String what = switch (f) {
            case PANIC -> "panic";
            case UNRECOVERED -> "unrecovered panic";
            case RECOVERED -> "recovered panic";
            default -> f.id();
        };
        long goid = panics.g(tid).map(dev.llgoframes.core.panic.GState::goid).orElse((long) tid);
        String panicLine = v.text() + (f == ExceptionFilter.RECOVERED ? " [recovered]" : "");
        exceptions.put(tid, new ExceptionDetails(f.id(), v.text(), "panic: " + panicLine, v.typeName() == null ? "panic" : v.typeName(),
                panicText(tid, goid, panicLine), f == ExceptionFilter.UNRECOVERED));
        return new StopEvent("exception", tid, "Paused on " + what, v.text(), List.of());
    }

    /** gc's text for a panic stop, through the core's gc view (see GcStackText). */
    private String panicText(int tid, long goid, String panicLine) {
        try {
            return GcStackText.panic(goid, panicLine, stack(tid), stackBuilder::describe, view);
        } catch (RuntimeException e) {
            return "goroutine " + goid + " [running]:\n(stack unavailable: " + e.getMessage() + ")\n";
        }
    }

    /** gc's text for a fault stop, through the core's gc view (see FaultStackText). */
    private String faultText(int tid, Fault fault, SignalDetails d, long pc) {
        try {
            long goid = panics == null || !panics.available() ? tid : panics.g(tid).map(dev.llgoframes.core.panic.GState::goid).orElse((long) tid);
            return GcStackText.fault(goid, fault, d, pc, stack(tid), stackBuilder::describe, view);
        } catch (RuntimeException e) {
            return "goroutine " + tid + " [running]:\n(stack unavailable: " + e.getMessage() + ")\n";
        }
    }

    private void onExit(RawStop s) {
        state = State.EXITED;
        pauseRequested = false;
        inferiorPid = 0;
        int code;
        if (s.kind() == RawStop.Kind.EXITED_SIGNALLED) {
            listener.output("console", "program terminated by " + s.signalName()
                    + (s.signalMeaning() == null ? "" : " (" + s.signalMeaning() + ")") + "\n");
            code = 128 + signalNumber(s.signalName());
        } else {
            code = s.exitCode() == null ? 0 : s.exitCode();
        }
        listener.exited(code);
        sendTerminated(null);
    }

    private static int signalNumber(String name) {
        return switch (name == null ? "" : name) {
            case "SIGKILL" -> 9;
            case "SIGSEGV" -> 11;
            case "SIGABRT" -> 6;
            case "SIGTERM" -> 15;
            case "SIGBUS" -> 7;
            case "SIGFPE" -> 8;
            case "SIGINT" -> 2;
            default -> 0;
        };
    }

    private void sendTerminated(String reason) {
        if (!terminatedSent) {
            terminatedSent = true;
            listener.terminated(reason);
        }
    }

    /** gdb died: no orphans (kill the program we launched), tell the client once. */
    private void onBackendDied(String message) {
        if (state == State.TERMINATED) {
            return;
        }
        endPlanQuietly();
        listener.output("important", message + "\n");
        killLaunchedInferior();
        state = State.TERMINATED;
        sendTerminated(message);
    }

    /**
     * The program's process is dead. Held stopped, nobody else will say so. Running, gdb reports
     * the exit itself — except when the program died just before a resume reached gdb, which
     * then fails half-way and reports nothing: give gdb a grace period, then collect it here.
     */
    private void onInferiorGone() {
        if (state == State.RUNNING) {
            java.util.concurrent.Executor later = CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS);
            later.execute(() -> post(() -> {
                if (state == State.RUNNING) {
                    collectDead(java.time.Duration.ZERO);
                }
            }));
            return;
        }
        collectDeadInferior(java.time.Duration.ZERO);
    }

    private void endPlanQuietly() {
        plan = null;
    }

    private void killLaunchedInferior() {
        if (target instanceof SessionTarget.Launch && inferiorPid != 0) {
            try {
                // with what it forked: a child re-parented to init is still in the program's group
                backend.killInferior();
            } catch (RuntimeException e) {
                LOG.fine("killing the program: " + e.getMessage());
                ProcessHandle.of(inferiorPid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        inferiorPid = 0;
    }

    private final class Events implements BackendEvents {
        private final int gen;

        Events(int gen) {
            this.gen = gen;
        }

        private void postCurrent(Runnable r) {
            post(() -> {
                if (gen == generation) {
                    r.run();
                }
            });
        }

        @Override
        public void stopped(RawStop stop) { postCurrent(() -> onStop(stop)); }

        @Override
        public void running() { }

        @Override
        public void threadStarted(int threadId) { postCurrent(() -> listener.thread("started", threadId)); }

        @Override
        public void threadExited(int threadId) { postCurrent(() -> listener.thread("exited", threadId)); }

        @Override
        public void programOutput(String text) { listener.output("stdout", text); }

        @Override
        public void debuggerOutput(String text) { listener.output("console", text); }

        @Override
        public void backendDied(String message) { postCurrent(() -> onBackendDied(message)); }

        @Override
        public void inferiorGone() { postCurrent(DebugSession.this::onInferiorGone); }
    }

    // ---------------------------------------------------------------- inspection

    public CompletableFuture<List<RawThread>> threads() {
        return onThread(() -> {
            if (backend == null || state == State.EXITED || state == State.TERMINATED || state == State.RUNNING) {
                return backend == null || state != State.RUNNING ? List.<RawThread>of() : cachedThreads();
            }
            return backend.threads();
        });
    }

    private List<RawThread> cachedThreads() {
        return List.of(new RawThread(1, "", null));
    }

    private List<StackEntry> stack(int threadId) {
        return stacks.computeIfAbsent(threadId, this::presentStack);
    }

    /** The unwound stack, with LLGo's panic snapshot spliced in when it belongs there (decided by the core). */
    private List<StackEntry> presentStack(int threadId) {
        List<StackEntry> live = stackBuilder.unwind(threadId);
        if (panics == null || !panics.available()) {
            return live;
        }
        try {
            return panics.present(threadId, live, panicStops.contains(threadId), e -> stackBuilder.describe(e).name());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "panic snapshot not applied", e);
            return live;
        }
    }

    /** Frames [start, start+levels) of a thread and the total count. */
    public record StackSlice(List<FrameView> frames, int total) {}

    public CompletableFuture<StackSlice> stackTrace(int threadId, int start, int levels) {
        return onThread(() -> {
            requireStopped();
            List<StackEntry> all = stack(threadId);
            int from = Math.min(Math.max(start, 0), all.size());
            int to = levels <= 0 ? all.size() : Math.min(all.size(), from + levels);
            List<FrameView> out = new ArrayList<>();
            for (StackEntry e : all.subList(from, to)) {
                FrameDescription d = stackBuilder.describe(e);
                FrameView.CodeLocation code = d.file() == null ? codeLocation(e) : null;
                int id = frames.add(k -> new FrameView(k, threadId, e, d, code));
                out.add(frames.get(id).orElseThrow());
            }
            return new StackSlice(out, all.size());
        });
    }

    /** Where a frame without source sits in its function's disassembly listing, if the debugger can list it. */
    private FrameView.CodeLocation codeLocation(StackEntry e) {
        if (e.role() != StackEntry.Role.FRAME || e.pc() == 0) {
            return null;
        }
        // a return address may lie just past a call that never returns: look up the call itself
        long at = e.returnAddress() ? e.pc() - 1 : e.pc();
        return disassembly.listingFor(at).map(l -> new FrameView.CodeLocation(l.reference(), l.title(), l.lineFor(at)))
                .orElse(null);
    }

    /** Text of a source reference (a disassembly listing handed out with a frame). */
    public CompletableFuture<String> source(int reference) {
        return onThread(() -> {
            requireStarted();
            return disassembly.listing(reference).map(Disassembly.Listing::text)
                    .orElseThrow(() -> new SessionException("unknown source reference " + reference));
        });
    }

    public CompletableFuture<List<Disassembly.Instruction>> disassemble(long address, int instructionOffset, int count) {
        return onThread(() -> {
            requireStarted();
            requireNotRunning();
            if (count < 0 || count > 100_000) {
                throw new SessionException("instructionCount must be between 0 and 100000, not " + count);
            }
            return disassembly.window(address, instructionOffset, count);
        });
    }

    /** Readable bytes from address (base64 is the protocol's business) and the unreadable run after them. */
    public record MemoryContents(long address, byte[] data, int unreadable) {}

    public CompletableFuture<MemoryContents> readMemory(long address, int count) {
        return onThread(() -> {
            requireStarted();
            requireNotRunning();
            MemoryReader.Result r = memory.read(address, count);
            return new MemoryContents(r.address(), r.data(), r.unreadable());
        });
    }

    private void requireNotRunning() {
        if (state == State.RUNNING) {
            throw new SessionException("the program is running");
        }
        if (state == State.EXITED || state == State.TERMINATED) {
            throw new SessionException("the program has exited");
        }
    }

    /** Scope name → container reference. */
    public CompletableFuture<Map<String, Integer>> scopes(int frameId) {
        return onThread(() -> {
            FrameView f = frame(frameId);
            int tid = threadOf(frameId);
            Map<String, Integer> out = new LinkedHashMap<>();
            if (f.entry().recovered()) {
                out.put("Frame", containers.add(() -> List.of(
                        new Variable("pc", "0x" + Long.toHexString(f.entry().pc()), 0),
                        new Variable("origin", f.entry().origin(), 0))));
                return out;
            }
            int level = f.entry().backendLevel();
            List<Variable> locals = locals(f, tid, level);
            if (!locals.isEmpty()) {
                out.put("Locals", containers.add(() -> locals));
            }
            out.put("Registers", containers.add(() -> {
                List<Variable> vs = new ArrayList<>();
                backend.registers(tid, level).forEach((k, v) -> vs.add(new Variable(k, v, 0)));
                return vs;
            }));
            ExceptionDetails x = exceptions.get(tid);
            if (x != null && level == 0) {
                out.put("Exception", containers.add(() -> List.of(
                        new Variable("kind", x.id(), 0), new Variable("message", x.message(), 0))));
            }
            return out;
        });
    }

    /**
     * DWARF arguments and locals of a C frame. Go frames are left out: the debug info of LLGo's
     * output describes the generated code's variables, not the Go ones the user wrote.
     */
    private List<Variable> locals(FrameView f, int tid, int level) {
        if (f.description().kind() != dev.llgoframes.core.symbolize.FrameKind.C || f.entry().role() != StackEntry.Role.FRAME) {
            return List.of();
        }
        try {
            return backend.frameVariables(tid, level);
        } catch (BackendException e) {
            LOG.fine("no locals: " + e.getMessage());
            return List.of();
        }
    }

    public CompletableFuture<List<Variable>> variables(int ref) {
        return onThread(() -> {
            Callable<List<Variable>> c = containers.get(ref).orElseThrow(() -> new SessionException("unknown variables reference " + ref));
            return c.call();
        });
    }

    private FrameView frame(int frameId) {
        return frames.get(frameId).orElseThrow(() -> new SessionException("unknown frame " + frameId + " (the program ran since)"));
    }

    private int threadOf(int frameId) {
        return frame(frameId).threadId();
    }

    public CompletableFuture<String> evaluate(String expression, Integer frameId, String context) {
        return onThread(() -> {
            requireStarted();
            boolean repl = "repl".equals(context);
            if (repl) {
                Optional<String> refused = guard.check(expression);
                if (refused.isPresent()) {
                    throw new SessionException(refused.get());
                }
            }
            int tid;
            int level;
            if (frameId != null && frameId > 0) {
                FrameView f = frame(frameId);
                tid = threadOf(frameId);
                level = Math.max(f.entry().backendLevel(), 0);
            } else {
                tid = firstThread();
                level = 0;
            }
            if (repl && !looksLikeExpression(expression)) {
                try {
                    return backend.command(expression).stripTrailing();
                } catch (BackendException e) {
                    if (!e.getMessage().startsWith("Undefined command")) {
                        throw e;
                    }
                }
            }
            if (state == State.RUNNING) {
                throw new SessionException("the program is running");
            }
            return backend.evaluate(expression, tid, level);
        });
    }

    private static boolean looksLikeExpression(String s) {
        String t = s.trim();
        return t.isEmpty() || "$*&(-~!'\"0123456789".indexOf(t.charAt(0)) >= 0;
    }

    public CompletableFuture<ExceptionDetails> exceptionInfo(int threadId) {
        return onThread(() -> {
            ExceptionDetails x = exceptions.get(threadId);
            if (x == null) {
                throw new SessionException("thread " + threadId + " did not stop on an exception");
            }
            return x;
        });
    }

    // ---------------------------------------------------------------- end

    /** Ends the session: kill or detach the program, stop the backend. */
    public CompletableFuture<Void> disconnect(Boolean terminateDebuggee) {
        return onThread(() -> {
            endSession(terminateDebuggee);
            return null;
        });
    }

    /** Kills the program; the exit arrives as events. */
    public CompletableFuture<Void> terminate() {
        return onThread(() -> {
            requireStarted();
            if (target instanceof SessionTarget.Core || inferiorPid == 0) {
                state = State.TERMINATED;
                sendTerminated(null);
                return null;
            }
            backend.killInferior();
            // a running program's death comes from the debugger; a stopped one's is collected here
            if ((state == State.STOPPED || state == State.CONFIGURING) && !collectDeadInferior(java.time.Duration.ofSeconds(10))) {
                throw new SessionException("the program did not die within 10 s of SIGKILL");
            }
            return null;
        });
    }

    private void endSession(Boolean terminateDebuggee) {
        if (backend != null) {
            boolean kill = terminateDebuggee != null ? terminateDebuggee : target instanceof SessionTarget.Launch;
            try {
                if (backend.isAlive() && inferiorPid != 0) {
                    if (kill) {
                        backend.killInferior();
                    } else {
                        if (state == State.RUNNING) {
                            backend.interrupt();
                        }
                        backend.detach();
                    }
                }
            } catch (BackendException e) {
                LOG.fine("ending: " + e.getMessage());
            }
            if (kill) {
                killLaunchedInferior();
            }
            state = State.TERMINATED;
            shutdownBackend();
        }
        state = State.TERMINATED;
    }

    private void shutdownBackend() {
        Backend b = backend;
        if (b != null) {
            try {
                b.close();
            } catch (RuntimeException e) {
                LOG.fine("closing backend: " + e.getMessage());
            }
        }
    }

    /** The client is gone: end everything within a bounded time, whatever state we are in. */
    @Override
    public void close() {
        CompletableFuture<Void> f = onThread(() -> {
            endSession(null);
            return null;
        });
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warning("session did not end cleanly: " + e);
            if (target instanceof SessionTarget.Launch && inferiorPid != 0) {
                ProcessHandle.of(inferiorPid).ifPresent(ProcessHandle::destroyForcibly);
            }
            shutdownBackend();
        }
        thread.shutdownNow();
    }
}
