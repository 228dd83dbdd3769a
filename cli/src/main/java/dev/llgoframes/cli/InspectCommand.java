package dev.llgoframes.cli;

import dev.llgoframes.core.funcinfo.FuncInfoTables;
import dev.llgoframes.core.image.Goos;
import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.prebuilt.PrebuiltFuncTab;
import dev.llgoframes.core.resolve.FunctionTable;
import dev.llgoframes.core.symbolize.Configuration;
import dev.llgoframes.core.symbolize.TableMode;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.Symbolizer;

import java.io.PrintStream;
import java.util.Optional;

/** {@code llgo-frames inspect BIN}: what the binary carries and how LLGo's runtime would use it. */
final class InspectCommand {
    private final PrintStream out;

    InspectCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) throws UsageException, InputException {
        ImageOptions image = new ImageOptions();
        String path = null;
        for (int i = 0; i < args.length; i++) {
            int used = image.take(args, i);
            if (used > 0) {
                i += used - 1;
            } else if (args[i].startsWith("-") || path != null) {
                throw new UsageException("inspect takes exactly one binary (and --arch NAME, --dsym PATH)");
            } else {
                path = args[i];
            }
        }
        if (path == null) {
            throw new UsageException("inspect takes exactly one binary");
        }
        LlgoBinary bin = BinaryLoader.open(path, image.options());
        Configuration c = bin.configuration();
        FuncInfoTables t = bin.resolver().tables();
        FunctionTable ft = bin.resolver().functionTable();
        out.println("binary:        " + bin.image().path());
        out.println("format:        " + c.format());
        out.println("table mode:    " + describe(c));
        boolean darwin = bin.image().goos() == Goos.DARWIN;
        String table = darwin ? "nlist" : ".symtab";
        out.println("symbols:       " + (c.stripped() ? "stripped (no " + table + "); " + (darwin ? "dladdr view" : ".dynsym") + " has "
                + bin.image().dynamicSymbols().size() + " entries"
                : table + " with " + bin.image().staticSymbols().size() + " entries"));
        out.println("dwarf lines:   " + (c.dwarf() ? "present (" + (darwin ? "__DWARF,__debug_line" : ".debug_line") + ")" : "absent"));
        for (String d : bin.image().details()) {
            out.println("image:         " + d);
        }
        out.println("globals:       " + c.globalsSource().name().toLowerCase());
        c.sidecar().ifPresent(s -> out.println("sidecar:       " + s.describe()));
        out.println("records:       " + t.recordCount() + " functions, " + t.stringCount() + " strings (" + t.poolSize()
                + " pool bytes), hash " + (t.hashSize() == 0 ? "absent" : t.hashSize() + " slots") + ", symbol index "
                + (t.symbolIndexRefused() ? "refused" : t.symbolIndexSize() + " entries") + ", " + t.pclineCount() + " pcline records");
        out.println("function table: " + ft.mode().name().toLowerCase() + " (entries=" + ft.entrySource().name().toLowerCase()
                + "), " + ft.rowCount() + " rows");
        if (ft.mode() == FunctionTable.Mode.PREBUILT) {
            PrebuiltFuncTab b = ft.blob();
            out.println("LLGOFTB1:      link 0x" + Long.toHexString(b.linkAddress()) + ", base 0x" + Long.toHexString(b.base())
                    + ", text end 0x" + Long.toHexString(b.base() + b.sentinelOffset()) + ", " + b.bucketCount() + " buckets, "
                    + b.need() + " bytes");
        }
        out.println("pcline table:  " + bin.resolver().pclineTable().size() + " anchors from " + bin.pclineSites().size() + " site rows");
        if (!bin.entrySites().isEmpty()) {
            out.println("entry sites:   " + bin.entrySites().size() + " rows (" + bin.entrySites().stream().filter(s -> s.isLive()).count() + " live)");
        }
        Optional<ImageSection> text = bin.image().textSection();
        text.ifPresent(s -> out.println("text:          [0x" + Long.toHexString(s.address()) + ", 0x" + Long.toHexString(s.end()) + ")"));
        Symbolizer sym = new Symbolizer(bin, dev.llgoframes.core.symbolize.LineSource.NONE);
        out.println("native funcs:  " + sym.nativeSymbols().size() + " sized function symbols");
        c.blobRejection().ifPresent(r -> out.println("blob rejected: " + r));
        for (String n : c.notes()) {
            out.println("note:          " + n);
        }
        return Main.OK;
    }

    private static String describe(Configuration c) {
        if (c.blobRejection().isPresent()) {
            return c.mode() == TableMode.EMBEDDED_REDIRECT
                    ? "embedded, historical LLGOFTB2 redirect the runtime would not follow (carrier read as raw sites)"
                    : "embedded, LLGOFTB1 blob the runtime would not adopt (carrier read as raw sites)";
        }
        return switch (c.mode()) {
            case EMBEDDED_PREBUILT -> "embedded, prebuilt LLGOFTB1 function table";
            case EMBEDDED_RAW -> "embedded, raw entry sites (first-use function table)";
            case EMBEDDED_NO_SITES -> "embedded tables without site sections (function table via dlsym, no statement lines)";
            case EMBEDDED_REDIRECT -> "embedded, historical LLGOFTB2 redirect";
            case EXTERNAL -> "external (-pclntab=external), tables in the sidecar";
            case NONE -> "none (-pclntab=none): no tables";
            case NOT_LLGO -> "not an LLGo executable (no LLGo sections)";
        };
    }
}
