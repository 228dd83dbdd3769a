package dev.llgoframes.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;

/** The {@code llgo-frames} command: dispatches to one subcommand and maps its outcome to an exit code. */
public final class Main {
    public static final int OK = 0;
    public static final int UNRESOLVED = 1;
    public static final int USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        // Block-buffered stdout: a pipe of 100k symbolized lines must not cost a syscall per line.
        PrintStream out = new PrintStream(new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16),
                false, java.nio.charset.StandardCharsets.UTF_8);
        int rc = run(args, System.in, out, System.err);
        out.flush();
        System.exit(rc);
    }

    static final String USAGE_TEXT = String.join("\n",
            "usage: llgo-frames <command> [options]",
            "  inspect BIN [--arch NAME] [--dsym PATH]",
            "                                      configuration, tables, counts, what is missing and why",
            "  symbolize BIN [--json] [--return-addresses] [--arch NAME] [--dsym PATH] [PC ...]",
            "                                      one line per pc (pcs from stdin when none are given)",
            "  trace [--binary BIN] [--map FROM=TO]... [--goroot DIR] [--json] [--raw] [--aggregate]",
            "        [--color=auto|always|never] [FILE|-]",
            "                                      rewrite LLGo tracebacks in a log into gc's frames",
            "  emulate BIN [--fault|--panic|--stack] [--unwind-names] [--message TEXT] [PC ...]",
            "                                      print what LLGo's runtime would print for raw pcs",
            "  --arch picks the slice of a universal Mach-O file (default: the first 64-bit one);",
            "  --dsym names a dSYM bundle or DWARF file (default: BIN.dSYM next to the binary)",
            "");

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "inspect" -> new InspectCommand(out).run(rest);
                case "symbolize" -> new SymbolizeCommand(in, out).run(rest);
                case "trace" -> new TraceCommand(in, out).run(rest);
                case "emulate" -> new EmulateCommand(in, out).run(rest);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("llgo-frames: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (InputException e) {
            err.println("llgo-frames: " + e.getMessage());
            return USAGE;
        }
    }
}
