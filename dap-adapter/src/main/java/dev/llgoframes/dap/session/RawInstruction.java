package dev.llgoframes.dap.session;

/**
 * One machine instruction as the backend decoded it. {@code backendFunction} is the debugger's
 * name for the enclosing function (null when none); like frame names it is shown only outside
 * the executable.
 */
public record RawInstruction(long address, byte[] bytes, String text, String backendFunction) {
    public long end() { return address + bytes.length; }
}
