package dev.llgoframes.dap.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the session needs from a debugger that executes, stops and unwinds (gdb today). It
 * never symbolizes: names, files and lines come from the core. Failures are
 * {@link BackendException}s carrying the debugger's message.
 */
public interface Backend extends AutoCloseable {

    void loadProgram(Path program);

    /** Arguments, working directory, environment; before {@link #startAtFirstInstruction}. */
    void configureLaunch(List<String> args, Path cwd, Map<String, String> env);

    /** Starts the program stopped at its first instruction; returns the inferior's pid. */
    long startAtFirstInstruction();

    void attach(long pid);

    void loadCore(Path core);

    /** Run-time address of a symbol as the debugger sees it (for the PIE slide); empty if unknown. */
    OptionalLong runtimeAddressOf(String symbol);

    void resume();

    void stepInstruction(int threadId);

    void nextInstruction(int threadId);

    void finish(int threadId, int frameLevel);

    void interrupt();

    List<RawThread> threads();

    List<RawFrame> frames(int threadId, int low, int high);

    /** Arguments and locals of a frame from debug info (DWARF); empty when it has none. */
    List<Variable> frameVariables(int threadId, int frameLevel);

    long readWord(long address);

    byte[] readMemory(long address, int length);

    /** The readable runs of a range (unreadable pages left out); fails when none is readable. */
    List<MemoryBlock> readMemoryBlocks(long address, int length);

    /** The whole function the debugger finds around an address; fails when no symbol covers it. */
    List<RawInstruction> disassembleFunction(long address);

    /** Instructions decoded from start up to end (exclusive). */
    List<RawInstruction> disassembleRange(long start, long end);

    /** Register name → value text, general-purpose registers first. */
    Map<String, String> registers(int threadId, int frameLevel);

    /** One register's value as a number ($sp, $rbp…). */
    long register(int threadId, int frameLevel, String name);

    int insertBreakpoint(long address, boolean temporary, String condition);

    void deleteBreakpoints(Collection<Integer> numbers);

    String evaluate(String expression, int threadId, int frameLevel);

    /** A debugger CLI command; returns its console output. Guarded by the caller. */
    String command(String command);

    /** si_code and si_addr of the signal that stopped the thread, if the debugger can tell. */
    SignalDetails signalDetails(int threadId);

    /** Kills the program (a launched one with everything it forked); its end is reported as events or collected. */
    void killInferior();

    /**
     * The program died while the debugger held it stopped (killed from outside, or by
     * {@link #killInferior}), which the debugger itself never reports: makes the debugger let go
     * of it and returns how it ended. Waits up to {@code wait} for the death; empty if it lives.
     */
    Optional<RawStop> collectDeadInferior(Duration wait);

    void detach();

    /** Pid of the inferior when there is a live one. */
    OptionalLong inferiorPid();

    boolean isAlive();

    @Override
    void close();
}
