package dev.llgoframes.dap.session;

import dev.llgoframes.core.symbolize.NativeSymbols;
import dev.llgoframes.core.symbolize.Symbolizer;

import java.util.List;
import java.util.OptionalLong;

/**
 * The load slide of a PIE executable: run-time address of a symbol minus its link address.
 * gdb knows the run-time address once the image is mapped; the core knows the link address.
 */
public final class SlideFinder {
    private SlideFinder() {}

    public static long find(Symbolizer symbolizer, Backend backend) {
        if (!symbolizer.binary().image().isPositionIndependent()) {
            return 0;
        }
        NativeSymbols natives = symbolizer.nativeSymbols();
        List<String> candidates = natives.addressOf("main") != 0 ? List.of("main")
                : natives.all().stream().limit(3).map(NativeSymbols.Function::name).toList();
        for (String name : candidates) {
            OptionalLong rt = backend.runtimeAddressOf(name);
            if (rt.isPresent()) {
                long slide = rt.getAsLong() - natives.addressOf(name);
                if (slide % 4096 == 0) {
                    return slide;
                }
            }
        }
        throw new BackendException("cannot find the load address of the position-independent program"
                + " (no symbol the debugger could locate)");
    }
}
