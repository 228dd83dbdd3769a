package dev.llgoframes.dap.session;

import dev.llgoframes.core.trace.SignalInfo;

import java.util.Optional;

/**
 * A hardware fault as gc would describe it (spec §8.6, §9.9): LLGo's handler turns SIGFPE into
 * "integer divide by zero" and SIGSEGV/SIGBUS into a nil dereference.
 */
public record Fault(String signal, String gcSignalText, String runtimeError) {

    public static Optional<Fault> of(String signalName) {
        if (signalName == null) {
            return Optional.empty();
        }
        return switch (signalName) {
            case "SIGSEGV" -> Optional.of(new Fault("SIGSEGV", "segmentation violation",
                    "runtime error: invalid memory address or nil pointer dereference"));
            case "SIGBUS" -> Optional.of(new Fault("SIGBUS", "bus error",
                    "runtime error: invalid memory address or nil pointer dereference"));
            case "SIGFPE" -> Optional.of(new Fault("SIGFPE", "floating-point exception",
                    "runtime error: integer divide by zero"));
            default -> Optional.empty();
        };
    }

    /**
     * gc's {@code [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x401136]} line, in
     * the core's spelling (the same text the trace view prints); an unknown field is "?".
     */
    public String signalLine(SignalDetails d, long pc) {
        return "[signal " + SignalInfo.format(signal, gcSignalText, d.codeHex(), d.addressHex(), pc) + "]";
    }
}
