package dev.llgoframes.cli;

import dev.llgoframes.core.resolve.LlgoTracebackRenderer;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.NativeSymbols;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * {@code llgo-frames emulate BIN [--fault|--panic|--stack] [--unwind-names] [--message TEXT] [PC ...]}:
 * prints what LLGo's runtime would print for raw pcs captured elsewhere (a debugger, a fault
 * handler, a core file), using the binary's own tables exactly as the runtime does.
 * {@code --unwind-names} is a fault traceback as printed with libunwind's names (Darwin, or
 * LLGO_DYNUNWIND_NAMES=1 on Linux, §9.3): C frames under their symbol names.
 */
final class EmulateCommand {
    private final InputStream in;
    private final PrintStream out;

    EmulateCommand(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    int run(String[] args) throws UsageException, InputException {
        String bin = null;
        String shape = "--fault";
        String message = null;
        boolean unwindNames = false;
        List<Long> pcs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--fault", "--panic", "--stack" -> shape = a;
                case "--unwind-names" -> unwindNames = true;
                case "--message" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--message needs a value");
                    }
                    message = args[++i];
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "'");
                    }
                    if (bin == null) {
                        bin = a;
                    } else {
                        pcs.add(PcInput.parse(a, "argument"));
                    }
                }
            }
        }
        if (bin == null) {
            throw new UsageException("emulate needs a binary");
        }
        LlgoBinary binary = BinaryLoader.open(bin);
        if (pcs.isEmpty()) {
            pcs.addAll(PcInput.read(in));
        }
        if (unwindNames && !shape.equals("--fault")) {
            throw new UsageException("--unwind-names goes with --fault: libunwind names only the fault traceback's frames");
        }
        LlgoTracebackRenderer r = new LlgoTracebackRenderer(binary.resolver());
        LongFunction<String> names = pc -> null;
        if (unwindNames) {
            // libunwind names frames from the symbol table; read only when asked for
            NativeSymbols natives = NativeSymbols.of(binary.image());
            names = pc -> natives.containing(pc).map(NativeSymbols.Function::name).orElse(null);
        }
        switch (shape) {
            case "--stack" -> out.print(r.stack(0, pcs));
            case "--panic" -> out.print("panic: " + (message == null ? "boom" : message) + "\n\n" + r.panicTraceback(pcs));
            default -> out.print("panic: " + (message == null ? "runtime error: invalid memory address or nil pointer dereference" : message)
                    + "\n\n" + r.faultTraceback(pcs, names));
        }
        return Main.OK;
    }
}
