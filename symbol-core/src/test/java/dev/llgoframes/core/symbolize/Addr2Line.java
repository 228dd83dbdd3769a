package dev.llgoframes.core.symbolize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** llvm-addr2line as an independent DWARF reader for tests. */
final class Addr2Line {
    static final String TOOL = "llvm-addr2line-19";

    private Addr2Line() {}

    static List<String> lines(Path exe, List<Long> pcs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(TOOL, "-e", exe.toString()));
        for (long pc : pcs) {
            cmd.add("0x" + Long.toHexString(pc));
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(TOOL + " is required (Debian package llvm-19; scripts/install-deps.sh installs it)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(TOOL + " failed: " + out);
        }
        List<String> lines = out.lines().map(String::strip).toList();
        if (lines.size() != pcs.size()) {
            throw new IllegalStateException(TOOL + " answered " + lines.size() + " lines for " + pcs.size() + " pcs: " + out);
        }
        return lines;
    }
}
