package dev.llgoframes.cli;

import com.google.gson.GsonBuilder;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.symbolize.Symbolizer;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code llgo-frames symbolize BIN [--json] [--return-addresses] [PC ...]}. */
final class SymbolizeCommand {
    private final InputStream in;
    private final PrintStream out;

    SymbolizeCommand(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    int run(String[] args) throws UsageException, InputException {
        String bin = null;
        boolean json = false;
        boolean returnAddresses = false;
        List<String> pcArgs = new ArrayList<>();
        ImageOptions image = new ImageOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int used = image.take(args, i);
            if (used > 0) {
                i += used - 1;
                continue;
            }
            switch (a) {
                case "--json" -> json = true;
                case "--return-addresses" -> returnAddresses = true;
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "'");
                    }
                    if (bin == null) {
                        bin = a;
                    } else {
                        pcArgs.add(a);
                    }
                }
            }
        }
        if (bin == null) {
            throw new UsageException("symbolize needs a binary");
        }
        List<Long> pcs = new ArrayList<>();
        for (String a : pcArgs) {
            pcs.add(PcInput.parse(a, "argument"));
        }
        LlgoBinary binary = BinaryLoader.open(bin, image.options());
        if (pcArgs.isEmpty()) {
            pcs.addAll(PcInput.read(in));
        }
        Symbolizer sym = Symbolizer.of(binary);
        List<SymbolizedPc> results = sym.symbolizeAll(pcs, returnAddresses);
        if (json) {
            out.println(toJson(results));
        } else {
            for (SymbolizedPc r : results) {
                out.println(toLine(r));
            }
        }
        return results.stream().allMatch(SymbolizedPc::resolved) ? Main.OK : Main.UNRESOLVED;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    static String toLine(SymbolizedPc r) {
        StringBuilder b = new StringBuilder(hex(r.pc())).append(' ');
        b.append(r.function() == null ? "??" : r.function()).append(' ');
        b.append(r.file() == null ? "??" : r.file()).append(':').append(r.line() == null ? 0 : r.line());
        b.append(' ').append(r.kind().json()).append(' ').append(r.provenance().json());
        if (r.note() != null) {
            b.append("  # ").append(r.note());
        }
        return b.toString();
    }

    static String toJson(List<SymbolizedPc> results) {
        List<Object> rows = new ArrayList<>();
        for (SymbolizedPc r : results) {
            rows.add(r.jsonFields());
        }
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create().toJson(rows);
    }
}
