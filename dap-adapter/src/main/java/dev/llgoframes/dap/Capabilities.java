package dev.llgoframes.dap;

import dev.llgoframes.dap.session.ExceptionFilter;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;

import java.util.Arrays;

/** What this adapter declares in the initialize response, next to nothing else. */
final class Capabilities {
    private Capabilities() {}

    static org.eclipse.lsp4j.debug.Capabilities declared() {
        org.eclipse.lsp4j.debug.Capabilities c = new org.eclipse.lsp4j.debug.Capabilities();
        c.setSupportsConfigurationDoneRequest(true);
        c.setSupportsFunctionBreakpoints(true);
        c.setSupportsConditionalBreakpoints(true);
        c.setSupportsHitConditionalBreakpoints(true);
        c.setSupportsLogPoints(true);
        c.setSupportsDisassembleRequest(true);
        c.setSupportsReadMemoryRequest(true);
        c.setSupportsInstructionBreakpoints(true);
        c.setSupportsExceptionInfoRequest(true);
        c.setSupportsTerminateRequest(true);
        c.setSupportsRestartRequest(true);
        c.setSupportTerminateDebuggee(true);
        c.setSupportsDelayedStackTraceLoading(true);
        c.setSupportsSteppingGranularity(true);
        c.setSupportsEvaluateForHovers(false);
        c.setExceptionBreakpointFilters(Arrays.stream(ExceptionFilter.values()).map(Capabilities::filter)
                .toArray(ExceptionBreakpointsFilter[]::new));
        return c;
    }

    private static ExceptionBreakpointsFilter filter(ExceptionFilter f) {
        ExceptionBreakpointsFilter x = new ExceptionBreakpointsFilter();
        x.setFilter(f.id());
        x.setLabel(f.label());
        x.setDefault_(f.defaultOn());
        x.setDescription(f.symbols().isEmpty() ? "Stop when the program receives SIGSEGV, SIGBUS or SIGFPE"
                : "Breakpoint on " + f.symbols().get(0) + " when the program has that symbol");
        return x;
    }
}
