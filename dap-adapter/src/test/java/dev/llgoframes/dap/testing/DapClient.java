package dev.llgoframes.dap.testing;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A DAP client over the stdio of a real adapter process (the shaded jar when it is up to date,
 * else the main class on the test classpath), as cdt-gdb-adapter's tests drive theirs.
 * Records every message in arrival order so tests can assert ordering.
 */
public final class DapClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    // nulls are sent: some attributes mean something by null (launch env: remove the variable)
    private static final Gson GSON = new com.google.gson.GsonBuilder().serializeNulls().create();

    private final Process process;
    private final OutputStream out;
    private final List<JsonObject> messages = new ArrayList<>();
    private final List<Integer> returnedEvents = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private int seq = 1;

    private DapClient(Process process) {
        this.process = process;
        this.out = process.getOutputStream();
        Thread r = new Thread(this::readLoop, "dap-client-reader");
        r.setDaemon(true);
        r.start();
        Thread e = new Thread(this::drainStderr, "dap-client-stderr");
        e.setDaemon(true);
        e.start();
    }

    public static DapClient start() throws IOException {
        return start(Map.of(), null);
    }

    /**
     * Starts the adapter with extra environment variables (e.g. {@code LLGO_DAP_LOG=FINE} to see
     * the MI commands on stderr) and, if not null, its own working directory.
     */
    public static DapClient start(Map<String, String> env, Path workingDirectory) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path jar = Path.of(System.getProperty("llgoframes.dap.jar", "target/llgo-frames-dap.jar")).toAbsolutePath();
        if (jarIsFresh(jar)) {
            cmd.addAll(List.of("-jar", jar.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.llgoframes.dap.DapMain"));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LLGO_DAP_LOG", System.getProperty("llgoframes.dap.log", "INFO"));
        pb.environment().putAll(env);
        if (workingDirectory != null) {
            pb.directory(workingDirectory.toFile());
        }
        return new DapClient(pb.start());
    }

    /** The jar is used only if no compiled class is newer (so a stale jar never hides a change). */
    private static boolean jarIsFresh(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        long jarTime = Files.getLastModifiedTime(jar).toMillis();
        Path classes = Path.of("target/classes");
        if (!Files.isDirectory(classes)) {
            return true;
        }
        try (Stream<Path> s = Files.walk(classes)) {
            return s.filter(Files::isRegularFile).allMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis() <= jarTime;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    public ProcessHandle adapter() { return process.toHandle(); }

    public Process process() { return process; }

    private void readLoop() {
        InputStream in = process.getInputStream();
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readHeaderLine(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                if (length < 0) {
                    throw new IOException("no Content-Length");
                }
                byte[] body = in.readNBytes(length);
                JsonObject m = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
                synchronized (messages) {
                    messages.add(m);
                    messages.notifyAll();
                }
            }
        } catch (IOException | RuntimeException e) {
            synchronized (messages) {
                messages.notifyAll();
            }
        }
    }

    private static String readHeaderLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        throw new IOException("adapter closed stdout");
    }

    private void drainStderr() {
        try (InputStream in = process.getErrorStream()) {
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (stderr) {
                    stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException ignored) {
            // adapter gone
        }
    }

    /** Waits until the adapter's stderr (its log) contains this text after {@code from} characters; returns where it ends. */
    public int awaitStderr(String text, int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String s = stderr();
            int at = s.indexOf(text, Math.min(from, s.length()));
            if (at >= 0) {
                return at + text.length();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("adapter never logged '" + text + "'; stderr:\n" + stderr());
    }

    public String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    public synchronized int send(String command, Object arguments) throws IOException {
        JsonObject m = new JsonObject();
        int s = seq++;
        m.addProperty("seq", s);
        m.addProperty("type", "request");
        m.addProperty("command", command);
        if (arguments != null) {
            m.add("arguments", GSON.toJsonTree(arguments));
        }
        byte[] body = m.toString().getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return s;
    }

    /** Sends and waits for the response (successful or not). */
    public JsonObject request(String command, Object arguments) throws IOException {
        int s = send(command, arguments);
        return await(m -> "response".equals(str(m, "type")) && m.get("request_seq").getAsInt() == s,
                "response to " + command, TIMEOUT);
    }

    /** Waits for the response to a request sent with {@link #send}. */
    public JsonObject awaitResponse(int seq) {
        return await(m -> "response".equals(str(m, "type")) && m.get("request_seq").getAsInt() == seq,
                "response to request " + seq, TIMEOUT);
    }

    /** Sends and requires success; returns the body (possibly an empty object). */
    public JsonObject ok(String command, Object arguments) throws IOException {
        JsonObject r = request(command, arguments);
        if (!r.get("success").getAsBoolean()) {
            throw new AssertionError(command + " failed: " + r + "\nadapter stderr:\n" + stderr());
        }
        return r.has("body") && r.get("body").isJsonObject() ? r.getAsJsonObject("body") : new JsonObject();
    }

    /** The next event of this kind not returned before. */
    public JsonObject event(String name) {
        return event(name, m -> true, TIMEOUT);
    }

    public JsonObject event(String name, Predicate<JsonObject> body, Duration timeout) {
        JsonObject e = await(m -> {
            if (!"event".equals(str(m, "type")) || !name.equals(str(m, "event"))) {
                return false;
            }
            synchronized (returnedEvents) {
                if (returnedEvents.contains(System.identityHashCode(m))) {
                    return false;
                }
            }
            JsonObject b = m.has("body") ? m.getAsJsonObject("body") : new JsonObject();
            return body.test(b);
        }, "event " + name, timeout);
        synchronized (returnedEvents) {
            returnedEvents.add(System.identityHashCode(e));
        }
        return e.has("body") ? e.getAsJsonObject("body") : new JsonObject();
    }

    private JsonObject await(Predicate<JsonObject> p, String what, Duration timeout) {
        return await(0, p, what, timeout);
    }

    /** How many messages have arrived: a point to wait for later events from. */
    public int mark() {
        synchronized (messages) {
            return messages.size();
        }
    }

    /** The first event of this kind that arrived at or after {@code mark}; its body. */
    public JsonObject eventAfter(int mark, String name, Duration timeout) {
        JsonObject e = await(mark, m -> "event".equals(str(m, "type")) && name.equals(str(m, "event")), "event " + name, timeout);
        return e.has("body") ? e.getAsJsonObject("body") : new JsonObject();
    }

    private JsonObject await(int from, Predicate<JsonObject> p, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (messages) {
            while (true) {
                for (int i = from; i < messages.size(); i++) {
                    JsonObject m = messages.get(i);
                    if (p.test(m)) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (!process.isAlive() && left > 0) {
                    // the adapter is gone: nothing more can arrive; give the reader a moment, then fail fast
                    left = Math.min(left, TimeUnit.MILLISECONDS.toNanos(200));
                    deadline = System.nanoTime() + left;
                }
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + "; got " + messages + "\nadapter stderr:\n" + stderr());
                }
                try {
                    messages.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    public List<JsonObject> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** All program output (category stdout) received so far. */
    public String programOutput() {
        StringBuilder b = new StringBuilder();
        for (JsonObject m : messages()) {
            if ("output".equals(str(m, "event")) && "stdout".equals(str(m.getAsJsonObject("body"), "category"))) {
                b.append(str(m.getAsJsonObject("body"), "output"));
            }
        }
        return b.toString();
    }

    public static String str(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    public static List<JsonObject> objects(JsonArray a) {
        List<JsonObject> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsJsonObject()));
        return out;
    }

    public static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Closes stdin: the adapter must notice and exit on its own. */
    public void closeInput() throws IOException {
        out.close();
    }

    public boolean waitForExit(Duration d) throws InterruptedException {
        return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        List<ProcessHandle> kids = process.toHandle().descendants().toList();
        process.destroyForcibly();
        kids.forEach(ProcessHandle::destroyForcibly);
    }
}
