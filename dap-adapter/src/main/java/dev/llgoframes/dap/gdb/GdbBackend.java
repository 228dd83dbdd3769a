package dev.llgoframes.dap.gdb;

import dev.llgoframes.dap.session.Backend;
import dev.llgoframes.dap.session.BackendEvents;
import dev.llgoframes.dap.session.BackendException;
import dev.llgoframes.dap.session.RawFrame;
import dev.llgoframes.dap.session.RawStop;
import dev.llgoframes.dap.session.RawThread;
import dev.llgoframes.dap.session.SignalDetails;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link Backend} over gdb/MI: owns the gdb process, the inferior's pipe and the MI command families. */
public final class GdbBackend implements Backend, MiEventListener {
    private static final Logger LOG = Logger.getLogger(GdbBackend.class.getName());
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    /** Registers shown first, in this order; the rest follow in gdb's order. */
    private static final List<String> GENERAL = List.of("rip", "rsp", "rbp", "rax", "rbx", "rcx", "rdx", "rsi", "rdi",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "eflags", "fs_base", "gs_base");

    private final BackendEvents events;
    private final GdbProcess gdb;
    private final MiExec exec;
    private final MiStack stack;
    private final MiThreads threads;
    private final MiBreakpoints breakpoints;
    private final MiData data;
    private final MiTarget target;
    private final MiDisassemble disassembler;
    private final AtomicReference<CompletableFuture<RawStop>> swallowNextStop = new AtomicReference<>();
    private volatile InferiorFifo fifo;
    private volatile long inferiorPid;
    private volatile boolean closing;
    private volatile boolean attached;
    /** Polls /proc for the inferior's death, which gdb does not report while the program is stopped. */
    private final java.util.concurrent.ScheduledExecutorService watcher;
    private volatile long reportedGone;
    private Map<Integer, String> registerNames;

    private GdbBackend(String gdbPath, BackendEvents events) {
        this.events = events;
        this.gdb = GdbProcess.start(gdbPath, this);
        MiClient mi = gdb.mi();
        this.exec = new MiExec(mi);
        this.stack = new MiStack(mi);
        this.threads = new MiThreads(mi);
        this.breakpoints = new MiBreakpoints(mi);
        this.data = new MiData(mi);
        this.target = new MiTarget(mi);
        this.disassembler = new MiDisassemble(mi);
        this.watcher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "inferior-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::watchInferior, 250, 250, TimeUnit.MILLISECONDS);
    }

    private void watchInferior() {
        long pid = inferiorPid;
        if (pid != 0 && pid != reportedGone && LinuxProcess.ending(pid).isPresent()) {
            reportedGone = pid;
            events.inferiorGone();
        }
    }

    public static GdbBackend start(String gdbPath, BackendEvents events) {
        try {
            return new GdbBackend(gdbPath, events);
        } catch (GdbException e) {
            throw new BackendException(e.getMessage(), e);
        }
    }

    /** gdb's pid, for tests and the process table. */
    public long gdbPid() { return gdb.pid(); }

    private <T> T mi(Supplier<T> call) {
        try {
            return call.get();
        } catch (GdbException e) {
            throw new BackendException(e.getMessage(), e);
        }
    }

    private void miRun(Runnable call) {
        mi(() -> {
            call.run();
            return null;
        });
    }

    @Override
    public void loadProgram(Path program) {
        miRun(() -> target.loadProgram(program.toString()));
    }

    @Override
    public void configureLaunch(List<String> args, Path cwd, Map<String, String> env) {
        miRun(() -> {
            fifo = InferiorFifo.create(events::programOutput);
            target.inferiorTty(fifo.path().toString());
            exec.arguments(args);
            if (cwd != null) {
                target.workingDirectory(cwd.toString());
            }
            target.environment(env);
        });
    }

    @Override
    public long startAtFirstInstruction() {
        awaitSwallowedStop(exec::startAtFirstInstruction, Duration.ofSeconds(30));
        if (inferiorPid == 0) {
            throw new BackendException("gdb started no process (see the debug console)");
        }
        return inferiorPid;
    }

    @Override
    public void attach(long pid) {
        attached = true;
        awaitSwallowedStop(() -> target.attach(pid), Duration.ofSeconds(30));
        if (inferiorPid == 0) {
            inferiorPid = pid;
        }
    }

    @Override
    public void loadCore(Path core) {
        miRun(() -> target.core(core.toString()));
    }

    /** Runs a command whose stop is part of the operation itself, not something to report. */
    private void awaitSwallowedStop(Runnable command, Duration timeout) {
        CompletableFuture<RawStop> stop = new CompletableFuture<>();
        swallowNextStop.set(stop);
        try {
            miRun(command);
            stop.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BackendException("the program did not stop within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new BackendException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted");
        } finally {
            swallowNextStop.compareAndSet(stop, null);
        }
    }

    @Override
    public OptionalLong runtimeAddressOf(String symbol) {
        try {
            // a cast keeps gdb from printing "<text variable, no debug info>" decorations
            String v = data.evaluate("(unsigned long)&'" + symbol + "'", null, null);
            return OptionalLong.of(Long.parseUnsignedLong(v.trim()));
        } catch (GdbException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void resume() { miRun(exec::continueAll); }

    @Override
    public void stepInstruction(int threadId) { miRun(() -> exec.stepInstruction(threadId)); }

    @Override
    public void nextInstruction(int threadId) { miRun(() -> exec.nextInstruction(threadId)); }

    @Override
    public void finish(int threadId, int frameLevel) { miRun(() -> exec.finish(threadId, frameLevel)); }

    @Override
    public void interrupt() { miRun(exec::interrupt); }

    @Override
    public List<RawThread> threads() {
        return mi(() -> threads.list().stream().map(t -> new RawThread(t.id(), t.targetId(), t.name())).toList());
    }

    @Override
    public List<RawFrame> frames(int threadId, int low, int high) {
        return mi(() -> stack.listFrames(threadId, low, high).stream()
                .map(f -> new RawFrame(f.level(), f.pc(), f.gdbFunction(), f.isSignalTrampoline())).toList());
    }

    @Override
    public List<dev.llgoframes.dap.session.Variable> frameVariables(int threadId, int frameLevel) {
        return mi(() -> stack.variables(threadId, frameLevel));
    }

    @Override
    public long readWord(long address) { return mi(() -> data.readWord(address)); }

    @Override
    public byte[] readMemory(long address, int length) { return mi(() -> data.read(address, length)); }

    @Override
    public List<dev.llgoframes.dap.session.MemoryBlock> readMemoryBlocks(long address, int length) {
        return mi(() -> data.readBlocks(address, length));
    }

    @Override
    public List<dev.llgoframes.dap.session.RawInstruction> disassembleFunction(long address) {
        return mi(() -> disassembler.function(address));
    }

    @Override
    public List<dev.llgoframes.dap.session.RawInstruction> disassembleRange(long start, long end) {
        return mi(() -> disassembler.range(start, end));
    }

    @Override
    public Map<String, String> registers(int threadId, int frameLevel) {
        return mi(() -> {
            if (registerNames == null) {
                registerNames = data.registerNames();
            }
            List<Integer> wanted = new ArrayList<>();
            for (Map.Entry<Integer, String> e : registerNames.entrySet()) {
                if (GENERAL.contains(e.getValue())) {
                    wanted.add(e.getKey());
                }
            }
            Map<Integer, String> values = data.registerValues(threadId, frameLevel, wanted);
            Map<String, String> byName = new LinkedHashMap<>();
            for (String g : GENERAL) {
                for (Map.Entry<Integer, String> e : values.entrySet()) {
                    if (g.equals(registerNames.get(e.getKey()))) {
                        byName.put(g, e.getValue());
                    }
                }
            }
            return byName;
        });
    }

    @Override
    public long register(int threadId, int frameLevel, String name) {
        return mi(() -> Long.parseUnsignedLong(data.evaluate("(unsigned long)$" + name, threadId, frameLevel).trim()));
    }

    @Override
    public int insertBreakpoint(long address, boolean temporary, String condition) {
        return mi(() -> breakpoints.insertAt(address, temporary, condition).number());
    }

    @Override
    public void deleteBreakpoints(Collection<Integer> numbers) {
        miRun(() -> breakpoints.delete(numbers));
    }

    @Override
    public String evaluate(String expression, int threadId, int frameLevel) {
        return mi(() -> data.evaluate(expression, threadId, frameLevel));
    }

    @Override
    public String command(String command) {
        return mi(() -> target.console(command));
    }

    @Override
    public SignalDetails signalDetails(int threadId) {
        Long code = null;
        Long addr = null;
        try {
            code = Long.parseLong(data.evaluate("$_siginfo.si_code", threadId, 0).trim());
        } catch (GdbException | NumberFormatException e) {
            LOG.fine("no si_code: " + e.getMessage());
        }
        try {
            Matcher m = HEX.matcher(data.evaluate("$_siginfo._sifields._sigfault.si_addr", threadId, 0));
            if (m.find()) {
                addr = Long.parseUnsignedLong(m.group().substring(2), 16);
            }
        } catch (GdbException | NumberFormatException e) {
            LOG.fine("no si_addr: " + e.getMessage());
        }
        return new SignalDetails(code, addr);
    }

    @Override
    public void killInferior() {
        long pid = inferiorPid;
        if (pid != 0) {
            // SIGKILL works whether the inferior runs or sits in a ptrace stop; gdb reports the exit
            // of a running one, collectDeadInferior that of a stopped one
            if (attached) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            } else {
                LinuxProcess.killTree(pid);
            }
        } else if (gdb.isAlive()) {
            miRun(() -> target.console("kill"));
        }
    }

    @Override
    public Optional<RawStop> collectDeadInferior(Duration wait) {
        long pid = inferiorPid;
        if (pid == 0) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<LinuxProcess.Ending> end = LinuxProcess.ending(pid);
        while (end.isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
            end = LinuxProcess.ending(pid);
        }
        if (end.isEmpty()) {
            return Optional.empty();
        }
        // gdb's kill reaps the zombie and forgets the inferior; a resume would fail half-way
        // instead (^running, then "Cannot insert breakpoint" and no *stopped ever)
        try {
            target.console("kill");
        } catch (GdbException e) {
            LOG.fine("kill of a dead inferior: " + e.getMessage());
        }
        inferiorPid = 0;
        drainProgramOutput();
        LinuxProcess.Ending e = end.get();
        return Optional.of(e.signalName() != null
                ? new RawStop(RawStop.Kind.EXITED_SIGNALLED, 0, null, e.signalName(), null, 0, null)
                : new RawStop(RawStop.Kind.EXITED, 0, null, null, null, 0, e.exitCode()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void detach() {
        miRun(target::detach);
        inferiorPid = 0;
    }

    @Override
    public OptionalLong inferiorPid() {
        return inferiorPid == 0 ? OptionalLong.empty() : OptionalLong.of(inferiorPid);
    }

    @Override
    public boolean isAlive() {
        return gdb.isAlive() && !gdb.mi().isClosed();
    }

    public void drainProgramOutput() {
        InferiorFifo f = fifo;
        if (f != null) {
            f.drain(Duration.ofMillis(500));
        }
    }

    @Override
    public void close() {
        closing = true;
        watcher.shutdownNow();
        gdb.close();
        InferiorFifo f = fifo;
        if (f != null) {
            f.close();
        }
    }

    // ---- MI events ----

    @Override
    public void onAsync(MiRecord.AsyncRecord r) {
        MiValue.Tuple t = r.results();
        switch (r.asyncClass()) {
            case "stopped" -> {
                RawStop stop = toStop(t);
                if (stop.isExit()) {
                    inferiorPid = 0;
                    drainProgramOutput();
                }
                CompletableFuture<RawStop> swallow = swallowNextStop.getAndSet(null);
                if (swallow != null) {
                    swallow.complete(stop);
                } else {
                    events.stopped(stop);
                }
            }
            case "running" -> events.running();
            case "thread-group-started" -> t.string("pid").ifPresent(p -> inferiorPid = Long.parseLong(p));
            case "thread-created" -> t.string("id").ifPresent(id -> events.threadStarted(Integer.parseInt(id)));
            case "thread-exited" -> t.string("id").ifPresent(id -> events.threadExited(Integer.parseInt(id)));
            default -> { }
        }
    }

    static RawStop toStop(MiValue.Tuple t) {
        String reason = t.stringOr("reason", "");
        int thread = parseInt(t.stringOr("thread-id", "0"), 0);
        long pc = 0;
        if (t.tuple("frame").isPresent()) {
            try {
                pc = MiQuoting.parseAddress(t.tuple("frame").get().stringOr("addr", "0"));
            } catch (NumberFormatException ignored) {
                pc = 0;
            }
        }
        String sig = t.stringOr("signal-name", null);
        String meaning = t.stringOr("signal-meaning", null);
        return switch (reason) {
            case "breakpoint-hit" -> new RawStop(RawStop.Kind.BREAKPOINT, thread, parseInt(t.stringOr("bkptno", "0"), 0),
                    null, null, pc, null);
            case "end-stepping-range" -> new RawStop(RawStop.Kind.STEP_DONE, thread, null, null, null, pc, null);
            case "function-finished" -> new RawStop(RawStop.Kind.FUNCTION_FINISHED, thread, null, null, null, pc, null);
            case "signal-received" -> new RawStop(RawStop.Kind.SIGNAL, thread, null, sig, meaning, pc, null);
            // gdb prints exit codes in octal
            case "exited" -> new RawStop(RawStop.Kind.EXITED, thread, null, null, null, 0,
                    Integer.parseInt(t.stringOr("exit-code", "0"), 8));
            case "exited-normally" -> new RawStop(RawStop.Kind.EXITED, thread, null, null, null, 0, 0);
            case "exited-signalled" -> new RawStop(RawStop.Kind.EXITED_SIGNALLED, thread, null, sig, meaning, 0, null);
            default -> new RawStop(RawStop.Kind.OTHER, thread, null, sig, meaning, pc, null);
        };
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void onStream(MiRecord.StreamRecord r) {
        if (r.kind() == MiRecord.StreamKind.LOG) {
            // gdb also logs source-file lookups at every stop; only warnings and errors are news
            String lower = r.text().toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("warning") || lower.contains("error")) {
                events.debuggerOutput(r.text());
            }
        } else if (r.kind() == MiRecord.StreamKind.TARGET) {
            events.programOutput(r.text());
        }
    }

    @Override
    public void onClosed() {
        CompletableFuture<RawStop> swallow = swallowNextStop.getAndSet(null);
        if (swallow != null) {
            swallow.completeExceptionally(new GdbGoneException("gdb exited"));
        }
        if (closing) {
            return;
        }
        String code;
        try {
            ProcessHandle h = gdb.handle();
            h.onExit().get(2, TimeUnit.SECONDS);
            code = gdb.exitCode().map(c -> c > 128 ? "killed by signal " + (c - 128) : "exit code " + c).orElse("still running");
        } catch (Exception e) {
            code = "state unknown";
        }
        events.backendDied("gdb exited unexpectedly (" + code + ")" + gdb.stderrSummary());
    }
}
