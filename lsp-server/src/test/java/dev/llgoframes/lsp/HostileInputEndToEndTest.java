package dev.llgoframes.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 1,000 seeded malformed and out-of-order messages over raw stdio (see {@link HostileProbes}): every
 * request is answered exactly once (an error where the input is wrong, never an internal error), the
 * notifications are ignored, broken framing does not desynchronize the stream, and afterwards a real
 * trace still gets its correct links and hover. The process lives and stderr shows no stack of ours.
 */
class HostileInputEndToEndTest {
    static final long SEED = 0x11_60_f4_a3L;
    static final int PROBES = 1_000;
    static final int BEFORE_INIT = 24;

    @TempDir Path tmp;

    @Test
    void aThousandHostileMessagesAreAnsweredOrIgnoredAndTheServerStillServes() throws Exception {
        CrashTraces.Crash c = CrashTraces.segv("nopie");
        String baseUri = tmp.resolve("base.trace").toUri().toString();
        HostileProbes gen = new HostileProbes(SEED, baseUri, tmp.toUri() + "scratch/");
        List<HostileProbes.Probe> probes = new ArrayList<>(gen.beforeInitialize(BEFORE_INIT));
        try (RawRpc rpc = RawRpc.start(tmp)) {
            long t0 = System.nanoTime();
            for (HostileProbes.Probe p : probes) rpc.sendBytes(p.wire());

            JsonObject init = new JsonObject();
            JsonArray folders = new JsonArray();
            JsonObject f = new JsonObject();
            f.addProperty("uri", c.goSources().toUri().toString());
            f.addProperty("name", "src");
            folders.add(f);
            init.add("workspaceFolders", folders);
            init.add("capabilities", new JsonObject());
            init.add("initializationOptions", Session.settings(List.of(c.executable())));
            HostileProbes.Probe initialize = gen.request("init", "initialize", init, HostileProbes.Expect.ANSWER, null);
            rpc.sendBytes(initialize.wire());
            rpc.sendBytes(HostileProbes.notification("init", "initialized", new JsonObject()).wire());
            rpc.sendBytes(HostileProbes.notification("init", "textDocument/didOpen", HostileProbes.open(baseUri, c.text())).wire());
            rpc.sendBytes(HostileProbes.notification("init", "textDocument/didOpen",
                    HostileProbes.open(gen.scratch("emoji"), "panic: \ud83d\ude00boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/x/main\ud83d\ude00.go:3 +0x1\n")).wire());

            List<HostileProbes.Probe> after = gen.afterInitialize(PROBES - BEFORE_INIT);
            for (HostileProbes.Probe p : after) rpc.sendBytes(p.wire());
            probes.addAll(after);

            // A normal session afterwards: the stream is in sync and the answers are right.
            HostileProbes.Probe links = gen.request("final", "textDocument/documentLink", HostileProbes.docParams(baseUri), HostileProbes.Expect.ANSWER, null);
            var pos = Cursor.at(c.text(), "main.ca|llC");
            HostileProbes.Probe hover = gen.request("final", "textDocument/hover", HostileProbes.hoverParams(baseUri, pos.getLine(), pos.getCharacter()),
                    HostileProbes.Expect.ANSWER, null);
            rpc.sendBytes(links.wire());
            rpc.sendBytes(hover.wire());

            List<String> owed = new ArrayList<>();
            for (HostileProbes.Probe p : probes) {
                if (p.expect() == HostileProbes.Expect.ERROR || p.expect() == HostileProbes.Expect.ANSWER) owed.add(p.id());
            }
            owed.add(initialize.id());
            owed.add(links.id());
            owed.add(hover.id());
            List<String> missing = rpc.awaitAll(owed, 180_000);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            java.nio.file.Files.writeString(Path.of("target", "hostile-input-stderr.log"), rpc.stderr());

            // Responses by id, in arrival order; probes by id (odd ids repeat).
            Map<String, List<JsonObject>> answers = new LinkedHashMap<>();
            for (JsonObject r : rpc.responses()) answers.computeIfAbsent(String.valueOf(r.get("id")), k -> new ArrayList<>()).add(r);
            Map<String, List<HostileProbes.Probe>> byId = new LinkedHashMap<>();
            for (HostileProbes.Probe p : probes) if (p.id() != null) byId.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
            byId.put(initialize.id(), List.of(initialize));
            byId.put(links.id(), List.of(links));
            byId.put(hover.id(), List.of(hover));

            Map<String, int[]> byCategory = new TreeMap<>(); // sent, answered, errors
            for (HostileProbes.Probe p : probes) byCategory.computeIfAbsent(p.category(), k -> new int[3])[0]++;
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, List<HostileProbes.Probe>> e : byId.entrySet()) {
                HostileProbes.Probe p = e.getValue().get(0);
                long owedHere = e.getValue().stream().filter(x -> x.expect() != HostileProbes.Expect.MAYBE).count();
                List<JsonObject> got = answers.getOrDefault(e.getKey(), List.of());
                if (got.size() < owedHere) problems.add(p.category() + " id " + p.id() + ": " + got.size() + " responses for " + owedHere + " requests");
                if (got.size() > e.getValue().size()) problems.add(p.category() + " id " + p.id() + ": answered " + got.size() + " times");
                for (JsonObject r : got) {
                    int[] n = byCategory.computeIfAbsent(p.category(), k -> new int[3]);
                    n[1]++;
                    JsonObject err = r.has("error") ? r.getAsJsonObject("error") : null;
                    if (err != null) n[2]++;
                    if (err != null && err.get("code").getAsInt() == -32603) problems.add(p.category() + " id " + p.id() + ": internal error " + err);
                    if (p.expect() == HostileProbes.Expect.ERROR && err == null) problems.add(p.category() + " id " + p.id() + ": expected an error, got " + abbreviate(r));
                    if (p.expect() == HostileProbes.Expect.ERROR && err != null && p.code() != null && err.get("code").getAsInt() != p.code()) {
                        problems.add(p.category() + " id " + p.id() + ": expected code " + p.code() + ", got " + err);
                    }
                }
            }
            answers.keySet().stream().filter(id -> !id.equals("null") && !byId.containsKey(id)).forEach(id -> problems.add("response for unknown id " + id));
            int nullIds = answers.getOrDefault("null", List.of()).size();
            long logged = rpc.notifications().stream().filter(n -> "window/logMessage".equals(n.get("method").getAsString())).count();

            System.out.printf("hostile input: %d probes + 2 final requests in %d ms; %d responses (%d with null id), %d log messages; missing %s%n",
                    probes.size(), ms, rpc.responses().size(), nullIds, logged, missing);
            byCategory.forEach((k, n) -> System.out.printf("  %-22s sent %4d  answered %4d  errors %4d%n", k, n[0], n[1], n[2]));
            System.out.println("server RSS: " + Rss.of(rpc.process.pid()));

            assertTrue(rpc.process.isAlive(), "server died; stderr:\n" + tail(rpc.stderr()));
            assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems.subList(0, Math.min(60, problems.size()))));

            String main = c.mainGo().toUri().toString();
            JsonArray l = rpc.response(links.id()).getAsJsonArray("result");
            List<String> targets = new ArrayList<>();
            for (JsonElement e : l) targets.add(e.getAsJsonObject().get("target").getAsString());
            assertEquals(List.of(main + "#L78", main + "#L67", main + "#L39"), targets);
            String md = rpc.response(hover.id()).getAsJsonObject("result").getAsJsonObject("contents").get("value").getAsString();
            assertTrue(md.startsWith("**main.callC** · Go function · package `main`"), md);

            String err = rpc.stderr();
            assertFalse(err.contains("Exception in thread"), tail(err));
            assertFalse(err.contains("OutOfMemoryError") || err.contains("StackOverflowError"), tail(err));
            assertFalse(err.contains("\tat dev.llgoframes."), "a stack through our code on stderr:\n" + tail(err));
            System.out.println("stderr: " + err.lines().count() + " lines");
        }
    }

    static String abbreviate(JsonObject r) {
        String s = r.toString();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static String tail(String s) {
        return s.length() > 6000 ? "…" + s.substring(s.length() - 6000) : s;
    }
}
