package dev.llgoframes.dap.session;

/** siginfo of a fault, when known: si_code and the faulting address. */
public record SignalDetails(Long code, Long address) {
    public static final SignalDetails UNKNOWN = new SignalDetails(null, null);
}
