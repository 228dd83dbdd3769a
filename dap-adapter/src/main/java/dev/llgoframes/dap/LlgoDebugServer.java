package dev.llgoframes.dap;

import dev.llgoframes.dap.session.BackendFactory;
import dev.llgoframes.dap.session.BreakpointOptions;
import dev.llgoframes.dap.session.BreakpointResult;
import dev.llgoframes.dap.session.DebugSession;
import dev.llgoframes.dap.session.SessionException;
import dev.llgoframes.dap.session.FrameView;
import dev.llgoframes.dap.session.SessionListener;
import dev.llgoframes.dap.session.SessionTarget;
import dev.llgoframes.dap.session.StopEvent;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.DisassembleArguments;
import org.eclipse.lsp4j.debug.DisassembleResponse;
import org.eclipse.lsp4j.debug.DisassembledInstruction;
import org.eclipse.lsp4j.debug.DisassembledInstructionPresentationHint;
import org.eclipse.lsp4j.debug.InstructionBreakpoint;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.ReadMemoryResponse;
import org.eclipse.lsp4j.debug.RestartArguments;
import org.eclipse.lsp4j.debug.SetInstructionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetInstructionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SourceArguments;
import org.eclipse.lsp4j.debug.SourcePresentationHint;
import org.eclipse.lsp4j.debug.SourceResponse;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.ExceptionBreakMode;
import org.eclipse.lsp4j.debug.ExceptionDetails;
import org.eclipse.lsp4j.debug.ExceptionInfoArguments;
import org.eclipse.lsp4j.debug.ExceptionInfoResponse;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.ProcessEventArguments;
import org.eclipse.lsp4j.debug.ProcessEventArgumentsStartMethod;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.SteppingGranularity;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadEventArguments;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesResponse;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * DAP over lsp4j.debug. Translates requests into session calls and session events into DAP
 * events; it decides nothing itself.
 */
public final class LlgoDebugServer implements IDebugProtocolServer, SessionListener {
    private static final Logger LOG = Logger.getLogger(LlgoDebugServer.class.getName());

    private final DebugSession session;
    private volatile IDebugProtocolClient client;
    private volatile Runnable onDisconnect = () -> { };

    public LlgoDebugServer(BackendFactory backends) {
        this.session = new DebugSession(this, backends);
    }

    public void connect(IDebugProtocolClient client) {
        this.client = client;
    }

    /** What to do once a disconnect request has been answered (the main exits). */
    public void onDisconnect(Runnable r) {
        this.onDisconnect = r;
    }

    public DebugSession session() { return session; }

    void sendInitialized() {
        client.initialized();
    }

    // ---- failures become DAP error responses with the message the user should read

    private static <T> CompletableFuture<T> reply(CompletableFuture<T> f) {
        return f.exceptionally(e -> {
            Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (c instanceof ResponseErrorException r) {
                throw r;
            }
            String msg = c.getMessage() == null ? c.toString() : c.getMessage();
            LOG.fine("request failed: " + msg);
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, msg, null));
        });
    }

    private static <T> CompletableFuture<T> fail(Exception e) {
        return reply(CompletableFuture.failedFuture(e));
    }

    // ---- requests

    @Override
    public CompletableFuture<Capabilities> initialize(InitializeRequestArguments args) {
        return CompletableFuture.completedFuture(dev.llgoframes.dap.Capabilities.declared());
    }

    @Override
    public CompletableFuture<Void> launch(Map<String, Object> args) {
        SessionTarget t;
        try {
            t = LaunchArguments.launch(args);
        } catch (IllegalArgumentException e) {
            return fail(e);
        }
        return reply(session.start(t));
    }

    @Override
    public CompletableFuture<Void> attach(Map<String, Object> args) {
        SessionTarget t;
        try {
            t = LaunchArguments.attach(args);
        } catch (IllegalArgumentException e) {
            return fail(e);
        }
        return reply(session.start(t));
    }

    /** Runs the launched program again with the arguments it was launched with (new ones in the request are ignored). */
    @Override
    public CompletableFuture<Void> restart(RestartArguments args) {
        return reply(session.restart());
    }

    @Override
    public CompletableFuture<Void> configurationDone(ConfigurationDoneArguments args) {
        return reply(session.configurationDone());
    }

    @Override
    public CompletableFuture<SetBreakpointsResponse> setBreakpoints(SetBreakpointsArguments args) {
        if (args == null || args.getSource() == null
                || args.getSource().getPath() == null && args.getSource().getName() == null) {
            return fail(new SessionException("setBreakpoints needs a source with a path"));
        }
        SourceBreakpoint[] bps = args.getBreakpoints() == null ? new SourceBreakpoint[0] : args.getBreakpoints();
        String path = args.getSource().getPath() != null ? args.getSource().getPath() : args.getSource().getName();
        List<Integer> lines = Arrays.stream(bps).map(SourceBreakpoint::getLine).toList();
        List<BreakpointOptions> opts = Arrays.stream(bps)
                .map(b -> new BreakpointOptions(b.getCondition(), b.getHitCondition(), b.getLogMessage())).toList();
        return reply(session.setSourceBreakpoints(path, lines, opts).thenApply(rs -> {
            SetBreakpointsResponse r = new SetBreakpointsResponse();
            r.setBreakpoints(rs.stream().map(b -> breakpoint(b, args.getSource())).toArray(Breakpoint[]::new));
            return r;
        }));
    }

    @Override
    public CompletableFuture<SetFunctionBreakpointsResponse> setFunctionBreakpoints(SetFunctionBreakpointsArguments args) {
        FunctionBreakpoint[] bps = args.getBreakpoints() == null ? new FunctionBreakpoint[0] : args.getBreakpoints();
        return reply(session.setFunctionBreakpoints(Arrays.stream(bps).map(FunctionBreakpoint::getName).toList(),
                Arrays.stream(bps).map(b -> new BreakpointOptions(b.getCondition(), b.getHitCondition(), null)).toList())
                .thenApply(rs -> {
                    SetFunctionBreakpointsResponse r = new SetFunctionBreakpointsResponse();
                    r.setBreakpoints(rs.stream().map(b -> breakpoint(b, null)).toArray(Breakpoint[]::new));
                    return r;
                }));
    }

    @Override
    public CompletableFuture<SetExceptionBreakpointsResponse> setExceptionBreakpoints(SetExceptionBreakpointsArguments args) {
        List<String> ids = args.getFilters() == null ? List.of() : Arrays.asList(args.getFilters());
        return reply(session.setExceptionFilters(ids).thenApply(rs -> {
            SetExceptionBreakpointsResponse r = new SetExceptionBreakpointsResponse();
            r.setBreakpoints(rs.stream().map(b -> breakpoint(b, null)).toArray(Breakpoint[]::new));
            return r;
        }));
    }

    @Override
    public CompletableFuture<SetInstructionBreakpointsResponse> setInstructionBreakpoints(SetInstructionBreakpointsArguments args) {
        InstructionBreakpoint[] bps = args.getBreakpoints() == null ? new InstructionBreakpoint[0] : args.getBreakpoints();
        List<Long> addresses = new ArrayList<>();
        try {
            for (InstructionBreakpoint b : bps) {
                addresses.add(MemoryReference.parse(b.getInstructionReference()) + (b.getOffset() == null ? 0 : b.getOffset()));
            }
        } catch (IllegalArgumentException e) {
            return fail(e);
        }
        List<BreakpointOptions> opts = Arrays.stream(bps)
                .map(b -> new BreakpointOptions(b.getCondition(), b.getHitCondition(), null)).toList();
        return reply(session.setInstructionBreakpoints(addresses, opts).thenApply(rs -> {
            SetInstructionBreakpointsResponse r = new SetInstructionBreakpointsResponse();
            Breakpoint[] out = new Breakpoint[rs.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = breakpoint(rs.get(k), null);
                out[k].setInstructionReference(MemoryReference.format(addresses.get(k)));
            }
            r.setBreakpoints(out);
            return r;
        }));
    }

    @Override
    public CompletableFuture<DisassembleResponse> disassemble(DisassembleArguments args) {
        long base;
        try {
            base = MemoryReference.parse(args.getMemoryReference()) + (args.getOffset() == null ? 0 : args.getOffset());
        } catch (IllegalArgumentException e) {
            return fail(e);
        }
        int offset = args.getInstructionOffset() == null ? 0 : args.getInstructionOffset();
        return reply(session.disassemble(base, offset, args.getInstructionCount()).thenApply(is -> {
            DisassembleResponse r = new DisassembleResponse();
            List<DisassembledInstruction> out = new ArrayList<>();
            String lastFile = null;
            for (dev.llgoframes.dap.session.Disassembly.Instruction i : is) {
                DisassembledInstruction x = new DisassembledInstruction();
                x.setAddress(MemoryReference.format(i.address()));
                x.setInstruction(i.text());
                x.setInstructionBytes(java.util.HexFormat.ofDelimiter(" ").formatHex(i.bytes()));
                x.setSymbol(i.symbol());
                if (!i.valid()) {
                    x.setPresentationHint(DisassembledInstructionPresentationHint.INVALID);
                }
                if (i.file() != null) {
                    // DAP: location may be left out when it is the previous instruction's
                    if (!i.file().equals(lastFile)) {
                        x.setLocation(source(i.file()));
                    }
                    x.setLine(i.line());
                }
                lastFile = i.file();
                out.add(x);
            }
            r.setInstructions(out.toArray(DisassembledInstruction[]::new));
            return r;
        }));
    }

    @Override
    public CompletableFuture<ReadMemoryResponse> readMemory(ReadMemoryArguments args) {
        long address;
        try {
            address = MemoryReference.parse(args.getMemoryReference()) + (args.getOffset() == null ? 0 : args.getOffset());
        } catch (IllegalArgumentException e) {
            return fail(e);
        }
        return reply(session.readMemory(address, args.getCount()).thenApply(m -> {
            ReadMemoryResponse r = new ReadMemoryResponse();
            r.setAddress(MemoryReference.format(m.address()));
            r.setData(java.util.Base64.getEncoder().encodeToString(m.data()));
            if (m.unreadable() > 0) {
                r.setUnreadableBytes(m.unreadable());
            }
            return r;
        }));
    }

    @Override
    public CompletableFuture<SourceResponse> source(SourceArguments args) {
        Integer ref = args.getSource() != null && args.getSource().getSourceReference() != null
                ? args.getSource().getSourceReference() : args.getSourceReference();
        return reply(session.source(ref == null ? 0 : ref).thenApply(text -> {
            SourceResponse r = new SourceResponse();
            r.setContent(text);
            r.setMimeType("text/x-asm");
            return r;
        }));
    }

    private static Source source(String file) {
        Source s = new Source();
        s.setPath(file);
        s.setName(Path.of(file).getFileName().toString());
        return s;
    }

    private static Breakpoint breakpoint(BreakpointResult b, Source source) {
        Breakpoint x = new Breakpoint();
        x.setId(b.id());
        x.setVerified(b.verified());
        x.setLine(b.line());
        x.setMessage(b.message());
        x.setSource(source);
        return x;
    }

    @Override
    public CompletableFuture<ThreadsResponse> threads() {
        return reply(session.threads().thenApply(ts -> {
            ThreadsResponse r = new ThreadsResponse();
            r.setThreads(ts.stream().map(t -> {
                Thread x = new Thread();
                x.setId(t.id());
                x.setName(t.name() != null ? t.name() + " (" + t.targetId() + ")" : t.targetId().isEmpty() ? "thread " + t.id() : t.targetId());
                return x;
            }).toArray(Thread[]::new));
            return r;
        }));
    }

    @Override
    public CompletableFuture<StackTraceResponse> stackTrace(StackTraceArguments args) {
        int start = args.getStartFrame() == null ? 0 : args.getStartFrame();
        int levels = args.getLevels() == null ? 0 : args.getLevels();
        return reply(session.stackTrace(args.getThreadId(), start, levels).thenApply(s -> {
            StackTraceResponse r = new StackTraceResponse();
            r.setStackFrames(s.frames().stream().map(LlgoDebugServer::frame).toArray(StackFrame[]::new));
            r.setTotalFrames(s.total());
            return r;
        }));
    }

    private static StackFrame frame(FrameView v) {
        StackFrame f = new StackFrame();
        f.setId(v.id());
        f.setName(v.description().name());
        if (v.description().file() != null) {
            f.setSource(source(v.description().file()));
            f.setLine(v.description().line() == null ? 0 : v.description().line());
            f.setColumn(v.description().line() == null ? 0 : 1);
        } else if (v.code() != null) {
            // no file:line anywhere: the function's disassembly stands in for the source
            Source s = new Source();
            s.setName(v.code().title() + " [disassembly]");
            s.setSourceReference(v.code().reference());
            s.setOrigin("disassembly");
            // the program's own C code stays in view (VS Code folds runs of de-emphasized frames
            // away); library and runtime listings step back
            if (v.description().isRuntime() || !v.description().inExecutable()) {
                s.setPresentationHint(SourcePresentationHint.DEEMPHASIZE);
            }
            f.setSource(s);
            f.setLine(v.code().line());
            f.setColumn(1);
        } else {
            f.setLine(0);
            f.setColumn(0);
        }
        f.setInstructionPointerReference("0x" + Long.toHexString(v.entry().pc()));
        if (v.entry().role() == dev.llgoframes.dap.session.StackEntry.Role.SIGPANIC) {
            // gc's frame with no LLGo code behind it
            f.setPresentationHint(StackFramePresentationHint.LABEL);
        } else if (v.description().isRuntime() || !v.description().inExecutable()) {
            f.setPresentationHint(StackFramePresentationHint.SUBTLE);
        } else if (v.entry().recovered()) {
            f.setPresentationHint(StackFramePresentationHint.NORMAL);
        }
        return f;
    }

    @Override
    public CompletableFuture<ScopesResponse> scopes(ScopesArguments args) {
        return reply(session.scopes(args.getFrameId()).thenApply(m -> {
            List<Scope> out = new ArrayList<>();
            m.forEach((name, ref) -> {
                Scope s = new Scope();
                s.setName(name);
                s.setVariablesReference(ref);
                s.setExpensive(false);
                if (name.equals("Registers")) {
                    s.setPresentationHint("registers");
                }
                out.add(s);
            });
            ScopesResponse r = new ScopesResponse();
            r.setScopes(out.toArray(Scope[]::new));
            return r;
        }));
    }

    @Override
    public CompletableFuture<VariablesResponse> variables(VariablesArguments args) {
        return reply(session.variables(args.getVariablesReference()).thenApply(vs -> {
            VariablesResponse r = new VariablesResponse();
            r.setVariables(vs.stream().map(v -> {
                Variable x = new Variable();
                x.setName(v.name());
                x.setValue(v.value());
                x.setVariablesReference(v.childrenRef());
                return x;
            }).toArray(Variable[]::new));
            return r;
        }));
    }

    @Override
    public CompletableFuture<EvaluateResponse> evaluate(EvaluateArguments args) {
        return reply(session.evaluate(args.getExpression(), args.getFrameId(), args.getContext()).thenApply(v -> {
            EvaluateResponse r = new EvaluateResponse();
            r.setResult(v);
            r.setVariablesReference(0);
            return r;
        }));
    }

    @Override
    public CompletableFuture<ExceptionInfoResponse> exceptionInfo(ExceptionInfoArguments args) {
        return reply(session.exceptionInfo(args.getThreadId()).thenApply(x -> {
            ExceptionInfoResponse r = new ExceptionInfoResponse();
            r.setExceptionId(x.id());
            r.setDescription(x.description());
            r.setBreakMode(x.unhandled() ? ExceptionBreakMode.UNHANDLED : ExceptionBreakMode.ALWAYS);
            ExceptionDetails d = new ExceptionDetails();
            d.setMessage(x.message());
            d.setTypeName(x.typeName());
            d.setStackTrace(x.stackText());
            r.setDetails(d);
            return r;
        }));
    }

    @Override
    public CompletableFuture<ContinueResponse> continue_(ContinueArguments args) {
        return reply(session.resume().thenApply(v -> {
            ContinueResponse r = new ContinueResponse();
            r.setAllThreadsContinued(true);
            return r;
        }));
    }

    private static boolean instruction(SteppingGranularity g) {
        return g == SteppingGranularity.INSTRUCTION;
    }

    @Override
    public CompletableFuture<Void> next(NextArguments args) {
        return reply(session.step(args.getThreadId(), DebugSession.StepKind.OVER, instruction(args.getGranularity())));
    }

    @Override
    public CompletableFuture<Void> stepIn(StepInArguments args) {
        return reply(session.step(args.getThreadId(), DebugSession.StepKind.INTO, instruction(args.getGranularity())));
    }

    @Override
    public CompletableFuture<Void> stepOut(StepOutArguments args) {
        return reply(session.step(args.getThreadId(), DebugSession.StepKind.OUT, instruction(args.getGranularity())));
    }

    @Override
    public CompletableFuture<Void> pause(PauseArguments args) {
        return reply(session.pause());
    }

    @Override
    public CompletableFuture<Void> disconnect(DisconnectArguments args) {
        Boolean kill = args == null ? null : args.getTerminateDebuggee();
        return reply(session.disconnect(kill)).whenComplete((v, e) -> onDisconnect.run());
    }

    @Override
    public CompletableFuture<Void> terminate(TerminateArguments args) {
        return reply(session.terminate());
    }

    // ---- session events

    @Override
    public void stopped(StopEvent e) {
        StoppedEventArguments a = new StoppedEventArguments();
        a.setReason(e.reason());
        a.setThreadId(e.threadId());
        a.setDescription(e.description());
        a.setText(e.text());
        a.setAllThreadsStopped(true);
        if (!e.hitBreakpointIds().isEmpty()) {
            a.setHitBreakpointIds(e.hitBreakpointIds().toArray(Integer[]::new));
        }
        client.stopped(a);
    }

    @Override
    public void continued(int threadId) {
        org.eclipse.lsp4j.debug.ContinuedEventArguments a = new org.eclipse.lsp4j.debug.ContinuedEventArguments();
        a.setThreadId(threadId);
        a.setAllThreadsContinued(true);
        client.continued(a);
    }

    @Override
    public void output(String category, String text) {
        IDebugProtocolClient c = client;
        if (c == null) {
            return;
        }
        OutputEventArguments a = new OutputEventArguments();
        a.setCategory(category);
        a.setOutput(text);
        c.output(a);
    }

    @Override
    public void exited(int exitCode) {
        ExitedEventArguments a = new ExitedEventArguments();
        a.setExitCode(exitCode);
        client.exited(a);
    }

    @Override
    public void terminated(String reason) {
        client.terminated(new TerminatedEventArguments());
    }

    @Override
    public void thread(String reason, int threadId) {
        ThreadEventArguments a = new ThreadEventArguments();
        a.setReason(reason);
        a.setThreadId(threadId);
        client.thread(a);
    }

    @Override
    public void process(String name, long pid, String startMethod) {
        ProcessEventArguments a = new ProcessEventArguments();
        a.setName(name);
        a.setSystemProcessId((int) pid);
        a.setIsLocalProcess(true);
        a.setStartMethod("attach".equals(startMethod) ? ProcessEventArgumentsStartMethod.ATTACH
                : ProcessEventArgumentsStartMethod.LAUNCH);
        client.process(a);
    }

}
