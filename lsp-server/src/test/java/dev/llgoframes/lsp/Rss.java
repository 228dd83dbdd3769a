package dev.llgoframes.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident and peak resident memory of a process, from /proc (Linux); "unknown" elsewhere. */
record Rss(long currentKb, long peakKb) {
    static String of(long pid) {
        try {
            long cur = -1, peak = -1;
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) cur = kb(l);
                if (l.startsWith("VmHWM:")) peak = kb(l);
            }
            return new Rss(cur, peak).toString();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    @Override
    public String toString() { return (currentKb >> 10) + " MiB (peak " + (peakKb >> 10) + " MiB)"; }
}
