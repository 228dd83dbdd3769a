package dev.llgoframes.dap.session;

import java.util.List;

/**
 * The adapter's exception breakpoint filters. {@code fault} is the debugger's signal stop; the
 * others are breakpoints on LLGo runtime symbols (spec §8.7), available only when the binary
 * has those symbols. CORE = the runtime package under its current and pre-rename paths.
 */
public enum ExceptionFilter {
    FAULT("fault", "Hardware faults (SIGSEGV, SIGBUS, SIGFPE)", true, List.of()),
    PANIC("panic", "Every panic", false, core("Panic")),
    // TracePanic is inlined in optimized builds (§8.7 [R]): then Rethrow with a null defer link
    UNRECOVERED("unrecovered", "Unrecovered panics", true,
            core("TracePanic", "Rethrow")),
    // stops after Recover returned a value, in the deferred function (the session finishes the call)
    RECOVERED("recovered", "Recovered panics and faults", false, core("Recover"));

    private final String id;
    private final String label;
    private final boolean defaultOn;
    private final List<String> symbols;

    ExceptionFilter(String id, String label, boolean defaultOn, List<String> symbols) {
        this.id = id;
        this.label = label;
        this.defaultOn = defaultOn;
        this.symbols = symbols;
    }

    /** Each function under CORE's current and pre-rename path, in order of preference. */
    private static List<String> core(String... fns) {
        List<String> out = new java.util.ArrayList<>();
        for (String fn : fns) {
            out.add("github.com/xgo-dev/llgo/runtime/internal/runtime." + fn);
            out.add("github.com/goplus/llgo/runtime/internal/runtime." + fn);
        }
        return List.copyOf(out);
    }

    /** Rethrow(link) means "unrecovered" only with a null link. */
    public boolean needsNullFirstArgument(String symbol) {
        return this == UNRECOVERED && symbol.endsWith(".Rethrow");
    }

    public String id() { return id; }

    public String label() { return label; }

    public boolean defaultOn() { return defaultOn; }

    /** Candidate symbols, first present wins. Empty for {@link #FAULT}. */
    public List<String> symbols() { return symbols; }

    public static java.util.Optional<ExceptionFilter> byId(String id) {
        for (ExceptionFilter f : values()) {
            if (f.id.equals(id)) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }
}
