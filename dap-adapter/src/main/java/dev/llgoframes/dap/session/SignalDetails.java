package dev.llgoframes.dap.session;

/** siginfo of a fault, when known: si_code and the faulting address. */
public record SignalDetails(Long code, Long address) {
    public static final SignalDetails UNKNOWN = new SignalDetails(null, null);

    /** si_code as gc prints it ({@code 0x1}), null if unknown. */
    public String codeHex() { return hex(code); }

    /** The faulting address as gc prints it ({@code 0x0}), null if unknown. */
    public String addressHex() { return hex(address); }

    private static String hex(Long v) {
        return v == null ? null : "0x" + Long.toHexString(v);
    }
}
