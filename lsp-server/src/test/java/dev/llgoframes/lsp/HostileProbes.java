package dev.llgoframes.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Deterministic (seeded) malformed and out-of-order JSON-RPC traffic, by category. Each probe is the
 * exact bytes to write plus what the server owes in return: an error response, some response, or
 * nothing (a notification, or a frame with no usable id).
 */
final class HostileProbes {
    enum Expect {
        /** An error response for {@code id}; never -32603 (an internal error is our bug, not the input's). */
        ERROR,
        /** Exactly one response for {@code id}, result or error, never -32603. */
        ANSWER,
        /** No response with an id; a {@code null}-id error is allowed (framing or JSON that hides the id). */
        NONE,
        /** Broken framing or JSON around a request id: at most one response for {@code id}, never -32603. */
        MAYBE
    }

    record Probe(String category, byte[] wire, String id, Expect expect, Integer code) {
        Probe {
            if (expect != Expect.NONE && expect != Expect.MAYBE && id == null) throw new IllegalArgumentException(category + ": needs an id");
        }
    }

    static final String[] REQUESTS = {"textDocument/hover", "textDocument/documentLink", "textDocument/documentSymbol",
            "textDocument/foldingRange", "textDocument/codeLens", "workspace/executeCommand"};
    static final String[] EDITS = {"textDocument/didChange", "textDocument/didClose", "textDocument/didSave"};

    private final Random rnd;
    private final String baseUri;
    private final String scratchDir;
    private int nextId = 1000;
    private int huge;

    HostileProbes(long seed, String baseUri, String scratchDir) {
        this.rnd = new Random(seed);
        this.baseUri = baseUri;
        this.scratchDir = scratchDir;
    }

    /** Requests and notifications sent before {@code initialize}: requests get ServerNotInitialized. */
    List<Probe> beforeInitialize(int n) {
        List<Probe> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 4 == 3) {
                out.add(notification("before-initialize", "textDocument/didOpen", open(scratch("early" + i), "panic: early\n")));
            } else {
                String method = REQUESTS[i % REQUESTS.length];
                out.add(request("before-initialize", method, validParams(method, baseUri), Expect.ERROR, -32002));
            }
        }
        return out;
    }

    /** {@code n} probes drawn from all categories after initialize. */
    List<Probe> afterInitialize(int n) {
        List<Function<Integer, Probe>> cats = List.of(this::unknownMethod, this::unknownNotification, this::missingParams,
                this::wrongTypes, this::unopenedEdits, this::hugeLine, this::badPositions, this::invalidUris,
                this::notificationWithId, this::oddIds, this::brokenJson, this::badFraming, this::badCommands, this::validRequest);
        List<Probe> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(cats.get(rnd.nextInt(cats.size())).apply(i));
        return out;
    }

    // ---- categories ----

    private Probe unknownMethod(int i) {
        String m = pick("llgo/nope", "textDocument/definition2", "$/notThere", "", "workspace/" + "x".repeat(300), "initialize/", "textDocument/hover ");
        return request("unknown-method", m, new JsonObject(), Expect.ERROR, -32601);
    }

    private Probe unknownNotification(int i) {
        return notification("unknown-notification", pick("custom/thing", "$/setTrace2", "textDocument/didFrobnicate", "window/whatever"),
                new JsonObject());
    }

    private Probe missingParams(int i) {
        String m = REQUESTS[rnd.nextInt(REQUESTS.length)];
        int id = nextId++;
        String body = switch (rnd.nextInt(4)) {
            case 0 -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + m + "\"}";
            case 1 -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + m + "\",\"params\":null}";
            case 2 -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + m + "\",\"params\":{}}";
            default -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + m + "\",\"params\":{\"textDocument\":{}}}";
        };
        return new Probe("missing-params", frame(body), String.valueOf(id), Expect.ERROR, -32602);
    }

    private Probe wrongTypes(int i) {
        String m = REQUESTS[rnd.nextInt(REQUESTS.length - 1)];
        JsonElement params = switch (rnd.nextInt(8)) {
            case 0 -> new JsonArray();
            case 1 -> new JsonPrimitive("params");
            case 2 -> JsonParser.parseString("{\"textDocument\":42,\"position\":{\"line\":0,\"character\":0}}");
            case 3 -> JsonParser.parseString("{\"textDocument\":{\"uri\":{\"a\":1}},\"position\":{\"line\":0,\"character\":0}}");
            case 4 -> JsonParser.parseString("{\"textDocument\":{\"uri\":\"" + baseUri + "\"},\"position\":\"x\"}");
            case 5 -> JsonParser.parseString("{\"textDocument\":{\"uri\":\"" + baseUri + "\"},\"position\":{\"line\":\"zero\",\"character\":0}}");
            case 6 -> JsonParser.parseString("{\"textDocument\":{\"uri\":\"" + baseUri + "\"},\"position\":{\"line\":1e20,\"character\":1.5}}");
            default -> JsonParser.parseString("{\"textDocument\":[\"" + baseUri + "\"],\"position\":[0,0]}");
        };
        // documentLink & co. ignore "position": only shapes that break their textDocument are errors there.
        boolean breaksDocument = params.isJsonArray() || params.isJsonPrimitive()
                || !params.getAsJsonObject().get("textDocument").isJsonObject()
                || !params.getAsJsonObject().getAsJsonObject("textDocument").get("uri").isJsonPrimitive();
        Expect e = breaksDocument || m.equals("textDocument/hover") ? Expect.ERROR : Expect.ANSWER;
        return request("wrong-types", m, params, e, null);
    }

    private Probe unopenedEdits(int i) {
        String m = EDITS[rnd.nextInt(EDITS.length)];
        JsonObject p = new JsonObject();
        JsonObject td = new JsonObject();
        td.addProperty("uri", scratch("never-opened-" + rnd.nextInt(50)));
        td.addProperty("version", rnd.nextInt(100));
        p.add("textDocument", td);
        JsonArray changes = new JsonArray();
        changes.add(change(0, 0, 0, 5, "x"));
        p.add("contentChanges", changes);
        return notification("unopened-edit", m, p);
    }

    private Probe hugeLine(int i) {
        if (huge >= 4) return badPositions(i);
        int kind = huge++;
        String line = switch (kind) {
            case 0 -> "x".repeat(5 << 20);
            case 1 -> "\t/" + "a/".repeat(5 << 19) + "main.go:12 +0x1";
            case 2 -> "main.f(" + "0x1, ".repeat(1 << 20) + ")";
            default -> "panic: " + "\u00e9\ud83d\ude00".repeat(5 << 18);
        };
        String uri = scratch("huge" + kind);
        String text = kind == 0 ? line : "panic: big\n\ngoroutine 1 [running]:\nmain.main()\n" + line + "\n";
        // The open is a notification; the hover on the huge line owes an answer.
        byte[] open = notification("huge-line", "textDocument/didOpen", open(uri, text)).wire();
        Probe hover = request("huge-line", "textDocument/hover", hoverParams(uri, kind == 0 ? 0 : 4, 2_500_000), Expect.ANSWER, null);
        return new Probe("huge-line", concat(open, hover.wire()), hover.id(), Expect.ANSWER, null);
    }

    private Probe badPositions(int i) {
        String uri = rnd.nextBoolean() ? baseUri : scratch("emoji");
        int[][] positions = {{-1, 0}, {0, -1}, {Integer.MAX_VALUE, 0}, {0, Integer.MAX_VALUE}, {999_999, 3}, {0, 8}, {4, 9},
                {-2147483648, -2147483648}};
        int[] p = positions[rnd.nextInt(positions.length)];
        if (uri.equals(baseUri) || rnd.nextBoolean()) {
            return request("bad-position", "textDocument/hover", hoverParams(uri, p[0], p[1]), Expect.ANSWER, null);
        }
        // An edit with a range in the middle of a surrogate pair or past the end, on the scratch document only.
        JsonObject params = new JsonObject();
        JsonObject td = new JsonObject();
        td.addProperty("uri", uri);
        td.addProperty("version", 2 + i);
        params.add("textDocument", td);
        JsonArray changes = new JsonArray();
        changes.add(change(p[0], p[1], 0, 8, pick("", "\ud83d", "\ude00", "x\ny", "\ud83d\ude00")));
        params.add("contentChanges", changes);
        return notification("bad-position", "textDocument/didChange", params);
    }

    private Probe invalidUris(int i) {
        String uri = pick("::not a uri", "file://host/x.trace", "file:///%zz.trace", "", "http://example.invalid/y.trace",
                "file:///a%00b.trace", "file:" + "/x".repeat(5000) + ".trace", "file:///\u2028.trace", "file:///../../etc/passwd.trace");
        return switch (rnd.nextInt(3)) {
            case 0 -> notification("invalid-uri", "textDocument/didOpen", open(uri, "panic: x\n\ngoroutine 1 [running]:\nmain.main()\n\t/etc/passwd:1\n"));
            case 1 -> request("invalid-uri", "textDocument/documentLink", docParams(uri), Expect.ANSWER, null);
            default -> {
                JsonObject a = new JsonObject();
                a.addProperty("uri", uri);
                // An odd uri is still a document name: answered (the view) once a probe opened it, else an error.
                yield request("invalid-uri", "workspace/executeCommand", command("llgoFrames.gcView", a), Expect.ANSWER, null);
            }
        };
    }

    private Probe notificationWithId(int i) {
        String m = pick("textDocument/didChange", "textDocument/didSave", "initialized", "workspace/didChangeWatchedFiles",
                "textDocument/didClose", "$/cancelRequest", "$/setTrace");
        JsonObject p = new JsonObject();
        JsonObject td = new JsonObject();
        td.addProperty("uri", scratch("withid"));
        td.addProperty("version", 1);
        p.add("textDocument", td);
        p.add("contentChanges", new JsonArray());
        p.add("changes", new JsonArray());
        p.addProperty("id", 1);
        p.addProperty("value", "off");
        return request("notification-with-id", m, p, Expect.ANSWER, null);
    }

    private Probe oddIds(int i) {
        String id = pick("1.5", "-7", "1e300", "\"\"", "\"" + "i".repeat(2000) + "\"", "{}", "[]", "true", "null", "\"\\u0000\"",
                "9223372036854775808");
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/hover\",\"params\":"
                + hoverParams(baseUri, 3, 6) + "}";
        // lsp4j reads ids as strings or ints; others (fractions, longs, objects, arrays, booleans, null) cannot be
        // answered by id: the message is reported and dropped.
        boolean usable = id.startsWith("\"") || id.matches("-?\\d{1,9}");
        return usable ? new Probe("odd-id", frame(body), canonicalId(id), Expect.ANSWER, null)
                : new Probe("odd-id", frame(body), null, Expect.NONE, null);
    }

    private Probe brokenJson(int i) {
        int id = nextId++;
        int kind = rnd.nextInt(9);
        String body = switch (kind) {
            case 0 -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/hover\",\"pa";
            case 1 -> "not json at all";
            case 2 -> "[{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/hover\"}]";
            case 3 -> "\"just a string\"";
            case 4 -> "{\"jsonrpc\":\"2.0\",\"method\":42}";
            case 5 -> "[".repeat(100_000) + "]".repeat(100_000);
            case 6 -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/hover\",\"params\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_001);
            case 7 -> "\u0000\u0001\u0002";
            default -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"\\ud800\"},\"position\":{\"line\":0,\"character\":0}}}";
        };
        return new Probe("broken-json", frame(body), String.valueOf(id), Expect.MAYBE, null);
    }

    private Probe badFraming(int i) {
        int id = nextId++;
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/hover\",\"params\":"
                + hoverParams(baseUri, 3, 6) + "}").getBytes(StandardCharsets.UTF_8);
        String header = switch (rnd.nextInt(10)) {
            case 0 -> "Content-Length: abc\r\n\r\n";
            case 1 -> "Content-Type: application/vscode-jsonrpc\r\n\r\n";
            case 2 -> "Content-Length: -5\r\n\r\n";
            case 3 -> "Content-Length: " + (body.length - 7) + "\r\n\r\n";
            case 4 -> "Content-Length: 2147483647\r\n\r\n";
            case 5 -> "Content-Length: 99999999999\r\n\r\n";
            case 6 -> "garbage header line\r\nContent-Length: 12x\r\n\r\n";
            case 7 -> "Content-Length: " + body.length + "\r\nContent-Type: application/json; charset=no-such-charset\r\n\r\n";
            case 8 -> "Content-Length: " + (body.length + 9) + "\r\n\r\n";
            default -> "Content-Length: " + body.length + "\n\n\n";
        };
        byte[] tail = header.startsWith("Content-Length: " + (body.length + 9)) ? "\"garbage\"".getBytes(StandardCharsets.US_ASCII) : new byte[0];
        return new Probe("bad-framing", concat(header.getBytes(StandardCharsets.US_ASCII), body, tail), String.valueOf(id), Expect.MAYBE, null);
    }

    private Probe badCommands(int i) {
        JsonObject a = new JsonObject();
        String cmd;
        switch (rnd.nextInt(7)) {
            case 0 -> { cmd = "llgoFrames.symbolize"; a.addProperty("binary", "../../../../etc/passwd"); a.add("pcs", JsonParser.parseString("[\"0x1\"]")); }
            case 1 -> { cmd = "llgoFrames.symbolize"; a.addProperty("binary", "/bin/sh"); a.add("pcs", JsonParser.parseString("{\"a\":1}")); }
            case 2 -> { cmd = "llgoFrames.gcView"; a.addProperty("uri", baseUri); a.addProperty("traceback", pick("-1", "10000000000", "x")); }
            case 3 -> { cmd = "llgoFrames.resolveLocation"; a.addProperty("line", 42); }
            case 4 -> { cmd = "llgoFrames.resolveLocation"; a.addProperty("line", "\t/etc/passwd:1"); a.addProperty("cwd", "\u0000"); }
            case 5 -> { cmd = "llgoFrames.symbolize"; a.addProperty("binary", "/dev/zero"); a.add("pcs", JsonParser.parseString("[\"0x1\"]")); }
            default -> { cmd = pick("llgoFrames.nope", "", "llgoFrames.symbolize "); }
        }
        return request("bad-command", "workspace/executeCommand", command(cmd, a), Expect.ERROR, -32602);
    }

    private Probe validRequest(int i) {
        return request("valid", "textDocument/hover", hoverParams(baseUri, 3, 6), Expect.ANSWER, null);
    }

    // ---- builders ----

    Probe request(String category, String method, JsonElement params, Expect expect, Integer code) {
        int id = nextId++;
        JsonObject o = new JsonObject();
        o.addProperty("jsonrpc", "2.0");
        o.addProperty("id", id);
        o.addProperty("method", method);
        if (params != null) o.add("params", params);
        return new Probe(category, frame(o.toString()), String.valueOf(id), expect, code);
    }

    static Probe notification(String category, String method, JsonElement params) {
        JsonObject o = new JsonObject();
        o.addProperty("jsonrpc", "2.0");
        o.addProperty("method", method);
        if (params != null) o.add("params", params);
        return new Probe(category, frame(o.toString()), null, Expect.NONE, null);
    }

    static byte[] frame(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return concat(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), b);
    }

    static JsonObject open(String uri, String text) {
        JsonObject p = new JsonObject();
        JsonObject td = new JsonObject();
        td.addProperty("uri", uri);
        td.addProperty("languageId", "llgo-trace");
        td.addProperty("version", 1);
        td.addProperty("text", text);
        p.add("textDocument", td);
        return p;
    }

    static JsonObject docParams(String uri) {
        JsonObject p = new JsonObject();
        JsonObject td = new JsonObject();
        td.addProperty("uri", uri);
        p.add("textDocument", td);
        return p;
    }

    static JsonObject hoverParams(String uri, int line, int character) {
        JsonObject p = docParams(uri);
        JsonObject pos = new JsonObject();
        pos.addProperty("line", line);
        pos.addProperty("character", character);
        p.add("position", pos);
        return p;
    }

    static JsonObject command(String command, JsonObject argument) {
        JsonObject p = new JsonObject();
        p.addProperty("command", command);
        JsonArray args = new JsonArray();
        args.add(argument);
        p.add("arguments", args);
        return p;
    }

    private JsonElement validParams(String method, String uri) {
        if (method.equals("textDocument/hover")) return hoverParams(uri, 3, 6);
        if (method.equals("workspace/executeCommand")) {
            JsonObject a = new JsonObject();
            a.addProperty("uri", uri);
            return command("llgoFrames.gcView", a);
        }
        return docParams(uri);
    }

    private static JsonObject change(int l1, int c1, int l2, int c2, String text) {
        JsonObject c = new JsonObject();
        JsonObject r = new JsonObject();
        JsonObject s = new JsonObject();
        s.addProperty("line", l1);
        s.addProperty("character", c1);
        JsonObject e = new JsonObject();
        e.addProperty("line", l2);
        e.addProperty("character", c2);
        r.add("start", s);
        r.add("end", e);
        c.add("range", r);
        c.addProperty("text", text);
        return c;
    }

    String scratch(String name) { return scratchDir + name + ".trace"; }

    /** The id as the server echoes it: Gson reads numbers and strings and writes them back the same way. */
    private static String canonicalId(String id) {
        return id.startsWith("\"") ? String.valueOf(JsonParser.parseString(id)) : id;
    }

    @SafeVarargs
    private <T> T pick(T... xs) { return xs[rnd.nextInt(xs.length)]; }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int k = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    static JsonElement nul() { return JsonNull.INSTANCE; }
}
