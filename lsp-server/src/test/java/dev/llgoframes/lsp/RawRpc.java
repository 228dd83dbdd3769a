package dev.llgoframes.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Byte-level JSON-RPC over the server's stdio, for what a well-behaved lsp4j client cannot send. Every
 * response is kept (by the JSON text of its id; responses without a usable id in a list of their own)
 * and the server's stderr is captured for the "no uncaught exception" checks.
 */
final class RawRpc implements AutoCloseable {
    final Process process;
    private final OutputStream out;
    private final Map<String, JsonObject> responses = new ConcurrentHashMap<>();
    private final List<JsonObject> all = new CopyOnWriteArrayList<>();
    private final List<JsonObject> notifications = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Object arrived = new Object();

    RawRpc(Process process) {
        this.process = process;
        this.out = process.getOutputStream();
        Thread t = new Thread(this::read, "raw-rpc-reader");
        t.setDaemon(true);
        t.start();
        Thread e = new Thread(this::drainStderr, "raw-rpc-stderr");
        e.setDaemon(true);
        e.start();
    }

    static RawRpc start(Path home) throws IOException { return start(home, Map.of()); }

    static RawRpc start(Path home, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", LspProcess.classpath(), "dev.llgoframes.lsp.LspMain");
        pb.environment().put("HOME", home.toString());
        pb.environment().putAll(env);
        return new RawRpc(pb.start());
    }

    /** Sends {@code body} as one framed message, byte for byte (it need not be valid JSON). */
    void sendRaw(String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        sendBytes(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), b);
    }

    /** Sends the given bytes as they are: for broken framing (wrong lengths, odd headers). */
    synchronized void sendBytes(byte[]... parts) throws IOException {
        for (byte[] p : parts) out.write(p);
        out.flush();
    }

    /** The response with this id (as JSON text of the id), waiting up to 20 s. */
    JsonObject response(String id) throws InterruptedException { return response(id, 20_000); }

    JsonObject response(String id, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        synchronized (arrived) {
            while (true) {
                JsonObject r = responses.get(id);
                if (r != null) return r;
                long left = end - System.currentTimeMillis();
                if (left <= 0) throw new AssertionError("no response " + id + "; have " + responses.size() + " responses");
                arrived.wait(Math.min(left, 500));
            }
        }
    }

    /** Waits until every id has its response (or the time is up); returns those still missing. */
    List<String> awaitAll(List<String> ids, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        synchronized (arrived) {
            while (true) {
                List<String> missing = new ArrayList<>();
                for (String id : ids) if (!responses.containsKey(id)) missing.add(id);
                long left = end - System.currentTimeMillis();
                if (missing.isEmpty() || left <= 0 || !process.isAlive()) return missing;
                arrived.wait(Math.min(left, 500));
            }
        }
    }

    /** Every response received, in arrival order (including those whose id was null). */
    List<JsonObject> responses() { return List.copyOf(all); }

    /** Server-to-client notifications and requests (log messages, diagnostics). */
    List<JsonObject> notifications() { return List.copyOf(notifications); }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    private void read() {
        InputStream in = process.getInputStream();
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = header(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                if (length < 0) return;
                JsonObject msg = JsonParser.parseString(new String(in.readNBytes(length), StandardCharsets.UTF_8)).getAsJsonObject();
                if (msg.has("method")) {
                    notifications.add(msg);
                } else {
                    all.add(msg);
                    JsonElement id = msg.get("id");
                    if (id != null && !id.isJsonNull()) responses.put(String.valueOf(id), msg);
                    synchronized (arrived) {
                        arrived.notifyAll();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // stream ended
        }
    }

    private void drainStderr() {
        byte[] buf = new byte[8192];
        try (InputStream in = process.getErrorStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (stderr) {
                    stderr.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    private static String header(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') if (c != '\r') b.write(c);
        if (c < 0) throw new IOException("eof");
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
