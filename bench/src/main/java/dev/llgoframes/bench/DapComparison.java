package dev.llgoframes.bench;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The debug adapter's stackTrace on a fault 512 frames deep, next to gdb's own `bt` on the same
 * stop in the same run, and the time from configurationDone to the `stopped` event. The peer is
 * gdb driven over MI directly (what the adapter adds on top of it is our symbolization and DAP).
 * Writes bench/results/dap.md.
 */
public final class DapComparison {
    private DapComparison() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dapJar = Path.of(System.getProperty("llgoframes.dapJar", "dap-adapter/target/llgo-frames-dap.jar"));
        Path dir = Files.createTempDirectory("dap-bench");
        Path src = dir.resolve("deep.c");
        try (InputStream in = DapComparison.class.getResourceAsStream("/programs/deep.c")) {
            Files.write(src, in.readAllBytes());
        }
        Path prog = dir.resolve("deep");
        run(List.of("gcc", "-O1", "-fno-omit-frame-pointer", "-no-pie", "-o", prog.toString(), src.toString()));

        // ours: the adapter over stdio
        Process p = new ProcessBuilder("java", "-jar", dapJar.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Dap dap = new Dap(p);
        dap.request("initialize", Map.of("adapterID", "llgo", "linesStartAt1", true, "columnsStartAt1", true));
        dap.request("launch", Map.of("program", prog.toString(), "args", List.of("512")));
        dap.event("initialized");
        long t0 = System.nanoTime();
        dap.request("configurationDone", Map.of());
        JsonObject stopped = dap.event("stopped");
        long stopNs = System.nanoTime() - t0;
        int tid = stopped.getAsJsonObject("body").get("threadId").getAsInt();
        long best = Long.MAX_VALUE;
        int frames = 0;
        for (int i = 0; i < rounds; i++) {
            long s0 = System.nanoTime();
            JsonObject r = dap.request("stackTrace", Map.of("threadId", tid, "startFrame", 0, "levels", 1000));
            best = Math.min(best, System.nanoTime() - s0);
            frames = r.getAsJsonObject("body").getAsJsonArray("stackFrames").size();
        }
        dap.request("disconnect", Map.of("terminateDebuggee", true));
        p.waitFor(10, TimeUnit.SECONDS);
        p.destroyForcibly();

        // peer: gdb over MI, same program, same stop, `bt` as a console command
        Process g = new ProcessBuilder("gdb", "-nx", "-q", "--interpreter=mi3", "--args", prog.toString(), "512")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Mi mi = new Mi(g);
        mi.command("-gdb-set backtrace past-main on");
        mi.command("-gdb-set startup-with-shell off");
        long g0 = System.nanoTime();
        mi.send("-exec-run");
        mi.until("*stopped");
        long gdbStopNs = System.nanoTime() - g0;
        long gdbBest = Long.MAX_VALUE;
        int gdbFrames = 0;
        for (int i = 0; i < rounds; i++) {
            long s0 = System.nanoTime();
            List<String> out = mi.command("-interpreter-exec console \"bt 1000\"");
            gdbBest = Math.min(gdbBest, System.nanoTime() - s0);
            gdbFrames = (int) out.stream().filter(l -> l.startsWith("~\"#")).count();
        }
        mi.send("-gdb-exit");
        g.waitFor(10, TimeUnit.SECONDS);
        g.destroyForcibly();

        String report = String.format(Locale.ROOT, String.join("\n",
                "| debug adapter, fault 512 frames deep (best of %d) | ours (DAP stackTrace) | gdb over MI (`bt`) | ratio |",
                "| --- | --- | --- | --- |",
                "| whole stack (%d / %d frames) | %.1f ms | %.1f ms | %s |",
                "| run to the fault stop (configurationDone → stopped / -exec-run → *stopped) | %.0f ms | %.0f ms | %s |",
                ""),
                rounds, frames, gdbFrames, best / 1e6, gdbBest / 1e6, PeerComparison.ratio(gdbBest, best),
                stopNs / 1e6, gdbStopNs / 1e6, PeerComparison.ratio(gdbStopNs, stopNs));
        System.out.println(report);
        Path out = Path.of("bench/results/dap.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd + " failed");
        }
    }

    /** A minimal DAP client: Content-Length framing, one reader thread, requests answered in order. */
    static final class Dap {
        private final OutputStream out;
        private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        private final List<JsonObject> pending = new ArrayList<>();
        private int seq = 1;

        Dap(Process p) {
            this.out = p.getOutputStream();
            Thread t = new Thread(() -> read(p.getInputStream()), "dap-reader");
            t.setDaemon(true);
            t.start();
        }

        private void read(InputStream in) {
            try {
                while (true) {
                    int len = -1;
                    StringBuilder line = new StringBuilder();
                    while (true) {
                        int c = in.read();
                        if (c < 0) {
                            return;
                        }
                        if (c == '\n') {
                            String l = line.toString().trim();
                            line.setLength(0);
                            if (l.isEmpty() && len >= 0) {
                                break;
                            }
                            if (l.startsWith("Content-Length:")) {
                                len = Integer.parseInt(l.substring(15).trim());
                            }
                        } else {
                            line.append((char) c);
                        }
                    }
                    byte[] body = in.readNBytes(len);
                    messages.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
                }
            } catch (IOException e) {
                // adapter gone
            }
        }

        JsonObject request(String command, Object arguments) throws Exception {
            int s = seq++;
            JsonObject m = new JsonObject();
            m.addProperty("seq", s);
            m.addProperty("type", "request");
            m.addProperty("command", command);
            m.add("arguments", new Gson().toJsonTree(arguments));
            byte[] body = m.toString().getBytes(StandardCharsets.UTF_8);
            out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            JsonObject r = next(x -> "response".equals(str(x, "type")) && x.get("request_seq").getAsInt() == s);
            if (!r.get("success").getAsBoolean()) {
                throw new IllegalStateException(command + " failed: " + r);
            }
            return r;
        }

        JsonObject event(String name) throws Exception {
            return next(x -> "event".equals(str(x, "type")) && name.equals(str(x, "event")));
        }

        private JsonObject next(java.util.function.Predicate<JsonObject> want) throws Exception {
            for (JsonObject m : pending) {
                if (want.test(m)) {
                    pending.remove(m);
                    return m;
                }
            }
            while (true) {
                JsonObject m = messages.poll(120, TimeUnit.SECONDS);
                if (m == null) {
                    throw new IllegalStateException("no answer from the adapter");
                }
                if (want.test(m)) {
                    return m;
                }
                pending.add(m);
            }
        }

        private static String str(JsonObject o, String k) {
            JsonElement e = o.get(k);
            return e == null || e.isJsonNull() ? null : e.getAsString();
        }
    }

    /** gdb over MI with tokens; returns the output lines up to the command's result record. */
    static final class Mi {
        private final Writer in;
        private final BufferedReader out;
        private int token = 1;

        Mi(Process p) {
            this.in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
            this.out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        }

        void send(String cmd) throws IOException {
            in.write(cmd + "\n");
            in.flush();
        }

        List<String> command(String cmd) throws IOException {
            int t = token++;
            send(t + cmd);
            List<String> lines = new ArrayList<>();
            String l;
            while ((l = out.readLine()) != null) {
                lines.add(l);
                if (l.startsWith(t + "^")) {
                    return lines;
                }
            }
            throw new IOException("gdb ended");
        }

        void until(String prefix) throws IOException {
            String l;
            while ((l = out.readLine()) != null) {
                if (l.startsWith(prefix)) {
                    return;
                }
            }
            throw new IOException("gdb ended before " + prefix);
        }
    }
}
