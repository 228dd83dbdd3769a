package dev.llgoframes.dap.session;

import java.util.List;

/**
 * The adapter's exception breakpoint filters. {@code fault} is the debugger's signal stop; the
 * others are breakpoints on LLGo runtime symbols (spec §8.7), available only when the binary
 * has those symbols. CORE = the runtime package under its current and pre-rename paths.
 */
public enum ExceptionFilter {
    FAULT("fault", "Hardware faults (SIGSEGV, SIGBUS, SIGFPE)", true, List.of()),
    PANIC("panic", "Every Go panic (runtime.Panic)", false, core("Panic")),
    UNRECOVERED("unrecovered", "Unrecovered panics (runtime.TracePanic)", false, core("TracePanic")),
    RECOVERED("recovered", "Recovered panics (runtime.recoverMark)", false,
            List.of("runtime.recoverMark", "github.com/xgo-dev/llgo/runtime/internal/runtime.Recover",
                    "github.com/goplus/llgo/runtime/internal/runtime.Recover"));

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

    private static List<String> core(String fn) {
        return List.of("github.com/xgo-dev/llgo/runtime/internal/runtime." + fn,
                "github.com/goplus/llgo/runtime/internal/runtime." + fn);
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
