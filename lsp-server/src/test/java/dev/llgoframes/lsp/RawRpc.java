package dev.llgoframes.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Byte-level JSON-RPC over the server's stdio, for what a well-behaved lsp4j client cannot send. */
final class RawRpc implements AutoCloseable {
    final Process process;
    private final OutputStream out;
    private final Map<String, JsonObject> responses = new ConcurrentHashMap<>();

    RawRpc(Process process) {
        this.process = process;
        this.out = process.getOutputStream();
        Thread t = new Thread(this::read, "raw-rpc-reader");
        t.setDaemon(true);
        t.start();
        Thread e = new Thread(() -> { try { process.getErrorStream().transferTo(OutputStream.nullOutputStream()); } catch (IOException x) { /* ended */ } });
        e.setDaemon(true);
        e.start();
    }

    static RawRpc start(java.nio.file.Path home) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", LspProcess.classpath(), "dev.llgoframes.lsp.LspMain");
        pb.environment().put("HOME", home.toString());
        return new RawRpc(pb.start());
    }

    /** Sends {@code body} as one framed message, byte for byte (it need not be valid JSON). */
    synchronized void sendRaw(String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** The response with this id (as JSON text of the id), waiting up to 20 s. */
    JsonObject response(String id) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < end) {
            JsonObject r = responses.get(id);
            if (r != null) return r;
            Thread.sleep(20);
        }
        throw new AssertionError("no response " + id + "; have " + responses.keySet());
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
                if (msg.has("id") && !msg.has("method")) responses.put(String.valueOf(msg.get("id")), msg);
            }
        } catch (IOException | RuntimeException e) {
            // stream ended
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
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
