package dev.llgoframes.cli;

import dev.llgoframes.core.resolve.LlgoTracebackRenderer;
import dev.llgoframes.core.symbolize.LlgoBinary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code llgo-frames emulate BIN [--fault|--panic|--stack] [--message TEXT] [PC ...]}: prints
 * what LLGo's runtime would print for raw pcs captured elsewhere (a debugger, a fault handler,
 * a core file), using the binary's own tables exactly as the runtime does.
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
        List<Long> pcs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--fault", "--panic", "--stack" -> shape = a;
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
                        pcs.add(SymbolizeCommand.parsePc(a, "argument"));
                    }
                }
            }
        }
        if (bin == null) {
            throw new UsageException("emulate needs a binary");
        }
        LlgoBinary binary = BinaryLoader.open(bin);
        if (pcs.isEmpty()) {
            readPcs(pcs);
        }
        LlgoTracebackRenderer r = new LlgoTracebackRenderer(binary.resolver());
        switch (shape) {
            case "--stack" -> out.print(r.stack(0, pcs));
            case "--panic" -> out.print("panic: " + (message == null ? "boom" : message) + "\n\n" + r.panicTraceback(pcs));
            default -> out.print("panic: " + (message == null ? "runtime error: invalid memory address or nil pointer dereference" : message)
                    + "\n\n" + r.faultTraceback(pcs));
        }
        return Main.OK;
    }

    /** Accepts bare pcs or the fixture handler's "fixture-frame: 0x…" lines. */
    private void readPcs(List<Long> pcs) throws InputException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.trim();
                if (t.startsWith("fixture-frame:")) {
                    t = t.substring("fixture-frame:".length()).trim();
                } else if (t.startsWith("fixture-fault:")) {
                    continue;
                }
                for (String tok : t.split("[\\s,]+")) {
                    if (!tok.isEmpty()) {
                        pcs.add(SymbolizeCommand.parsePc(tok, "stdin line " + n));
                    }
                }
            }
        } catch (IOException e) {
            throw new InputException("stdin: cannot read: " + e.getMessage());
        }
    }
}
