package dev.llgoframes.bench;

import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.SymbolizedPc;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.fixtures.Fixture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Batch symbolization side by side with llvm-symbolizer-19 and addr2line on the same fixture
 * (the ~10k-function program built with DWARF 5), same pcs, same run. Peers are whole
 * processes fed all pcs on stdin; we measure our tool two ways: in a warm JVM (load + batch)
 * and as a cold `java -jar llgo-frames.jar symbolize` process, which is what a user runs.
 * Also reports table load time and retained heap. Writes bench/results/peers.md.
 */
public final class PeerComparison {
    private PeerComparison() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Fixture f = BenchFixtures.largeWithDwarf();
        Path exe = f.executable();
        long[] pcs = BenchFixtures.samplePcs(f.truth(), 10_000);
        StringBuilder input = new StringBuilder();
        for (long pc : pcs) {
            input.append("0x").append(Long.toHexString(pc)).append('\n');
        }
        byte[] stdin = input.toString().getBytes(StandardCharsets.UTF_8);
        Path cliJar = Path.of(System.getProperty("llgoframes.cliJar", "cli/target/llgo-frames.jar"));

        // warm-up of every contender
        runInProcess(exe, pcs);
        double ours = Double.MAX_VALUE;
        double oursCold = Double.MAX_VALUE;
        double llvm = Double.MAX_VALUE;
        double a2l = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            ours = Math.min(ours, runInProcess(exe, pcs));
            if (Files.isRegularFile(cliJar)) {
                oursCold = Math.min(oursCold, runProcess(List.of("java", "-jar", cliJar.toString(), "symbolize", exe.toString()), stdin));
            }
            llvm = Math.min(llvm, runProcess(List.of("llvm-symbolizer-19", "--obj=" + exe, "--functions=linkage", "--no-inlines"), stdin));
            a2l = Math.min(a2l, runProcess(List.of("addr2line", "-f", "-e", exe.toString()), stdin));
        }
        long heap = retainedHeap(exe);
        long loadNs = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            Symbolizer.of(LlgoBinary.open(exe));
            loadNs = Math.min(loadNs, System.nanoTime() - t0);
        }
        int n = pcs.length;
        String report = String.format(Locale.ROOT, String.join("\n",
                "| contender (same %d pcs, ~10k-function fixture with DWARF 5, best of %d) | wall time | pcs/s | ratio vs llvm-symbolizer-19 |",
                "| --- | --- | --- | --- |",
                "| llgo-frames, warm JVM (load + symbolize all) | %.1f ms | %.0f | %.2f× faster |",
                "| llgo-frames, cold `java -jar … symbolize` process | %s | %s | %s |",
                "| llvm-symbolizer-19 process | %.1f ms | %.0f | 1.00× |",
                "| addr2line (binutils) process | %.1f ms | %.0f | %.2f× faster |",
                "",
                "Table load (ELF + funcinfo + DWARF + symbol tables): %.1f ms; retained heap after load: %.1f MiB.",
                ""),
                n, rounds, ours / 1e6, n / (ours / 1e9), llvm / ours,
                oursCold == Double.MAX_VALUE ? "n/a" : String.format(Locale.ROOT, "%.1f ms", oursCold / 1e6),
                oursCold == Double.MAX_VALUE ? "n/a" : String.format(Locale.ROOT, "%.0f", n / (oursCold / 1e9)),
                oursCold == Double.MAX_VALUE ? "n/a" : String.format(Locale.ROOT, "%.2f× faster", llvm / oursCold),
                llvm / 1e6, n / (llvm / 1e9), a2l / 1e6, n / (a2l / 1e9), llvm / a2l,
                loadNs / 1e6, heap / 1048576.0);
        System.out.println(report);
        Path out = Path.of("bench/results/peers.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static double runInProcess(Path exe, long[] pcs) throws Exception {
        long t0 = System.nanoTime();
        Symbolizer s = Symbolizer.of(LlgoBinary.open(exe));
        int resolved = 0;
        for (long pc : pcs) {
            SymbolizedPc r = s.symbolize(pc, false);
            if (r.resolved()) {
                resolved++;
            }
        }
        long t = System.nanoTime() - t0;
        if (resolved == 0) {
            throw new IllegalStateException("nothing resolved");
        }
        return t;
    }

    private static double runProcess(List<String> cmd, byte[] stdin) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream o = p.getOutputStream()) {
                o.write(stdin);
            } catch (IOException e) {
                // the peer closed early; its exit status below tells
            }
        });
        feeder.start();
        byte[] out = p.getInputStream().readAllBytes();
        int rc = p.waitFor();
        feeder.join();
        long t = System.nanoTime() - t0;
        if (out.length == 0 || (rc != 0 && rc != 1)) {
            throw new IllegalStateException(cmd.get(0) + " failed with " + rc);
        }
        return t;
    }

    private static long retainedHeap(Path exe) throws Exception {
        Runtime rt = Runtime.getRuntime();
        List<Object> keep = new ArrayList<>();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        keep.add(Symbolizer.of(LlgoBinary.open(exe)));
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        if (keep.isEmpty()) {
            throw new IllegalStateException();
        }
        return Math.max(0, after - before);
    }
}
