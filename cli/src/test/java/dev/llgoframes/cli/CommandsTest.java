package dev.llgoframes.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.FixtureTruth;
import dev.llgoframes.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandsTest {
    static Fixture fixture(String variant) {
        return Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant(variant));
    }

    static String crashPcs(Fixture f) throws Exception {
        Process p = new ProcessBuilder(f.executable().toString(), "segv").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void inspectReportsEachTableMode() {
        assertTrue(CliRun.of("", "inspect", fixture("prebuilt").executable().toString()).out().contains("prebuilt LLGOFTB1"));
        assertTrue(CliRun.of("", "inspect", fixture("nopie").executable().toString()).out().contains("raw entry sites"));
        CliRun ext = CliRun.of("", "inspect", fixture("external").executable().toString());
        assertTrue(ext.out().contains("sidecar v4 loaded and paired"), ext.out());
        CliRun stale = CliRun.of("", "inspect", fixture("external-stale").executable().toString());
        assertTrue(stale.out().contains("stale: identity"), stale.out());
        assertTrue(stale.out().contains("clite dump"), stale.out());
        assertTrue(CliRun.of("", "inspect", fixture("none").executable().toString()).out().contains("-pclntab=none"));
        CliRun stripped = CliRun.of("", "inspect", fixture("prebuilt-stripped").executable().toString());
        assertTrue(stripped.out().contains("recovered structurally"), stripped.out());
        assertEquals(0, stripped.exit());
    }

    @Test
    void symbolizeJsonKeepsTheSchemaAndInputOrder() {
        Fixture f = fixture("prebuilt");
        FixtureTruth.AnchorTruth a = f.truth().anchors().stream().filter(x -> x.pc() != 0).findFirst().orElseThrow();
        FixtureTruth.CFunctionTruth c = f.truth().cFunction("cexc_leaf_segv").orElseThrow();
        CliRun r = CliRun.of("", "symbolize", "--json", f.executable().toString(),
                Long.toHexString(c.address()), "0x" + Long.toHexString(a.pc()), "0x10");
        assertEquals(1, r.exit(), "one pc is unresolved");
        JsonArray arr = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(3, arr.size());
        List<String> keys = new ArrayList<>(arr.get(0).getAsJsonObject().keySet());
        assertEquals(List.of("pc", "function", "file", "line", "entry", "kind", "provenance"), keys);
        JsonObject cf = arr.get(0).getAsJsonObject();
        assertEquals("cexc_leaf_segv", cf.get("function").getAsString());
        assertEquals("c", cf.get("kind").getAsString());
        assertEquals("symtab", cf.get("provenance").getAsString());
        assertEquals("0x" + Long.toHexString(c.address()), cf.get("entry").getAsString());
        JsonObject go = arr.get(1).getAsJsonObject();
        assertEquals(a.display(), go.get("function").getAsString());
        assertEquals(a.file(), go.get("file").getAsString());
        assertEquals(a.line(), go.get("line").getAsInt());
        assertEquals("tables", go.get("provenance").getAsString());
        JsonObject none = arr.get(2).getAsJsonObject();
        assertTrue(none.get("function").isJsonNull());
        assertEquals("0x10", none.get("pc").getAsString());
    }

    @Test
    void symbolizeReadsPcsFromStdinWithTheReturnAddressRule() throws Exception {
        Fixture f = fixture("nopie");
        String crash = crashPcs(f);
        StringBuilder pcs = new StringBuilder();
        for (String l : crash.split("\n")) {
            if (l.startsWith("fixture-frame: ")) {
                pcs.append(l.substring(15)).append('\n');
            }
        }
        CliRun r = CliRun.of(pcs.toString(), "symbolize", "--return-addresses", f.executable().toString());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].contains(" cexc_leaf_segv ") && lines[0].contains(" c symtab"), r.out());
        assertTrue(r.out().contains(" main.callC ") && r.out().contains(" main.viaGo "), r.out());
    }

    @Test
    void errorsAreOneLineNamingTheFileAndExitTwo(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("", "symbolize", dir.resolve("nope").toString(), "0x1");
        assertEquals(2, missing.exit());
        assertEquals("llgo-frames: " + dir.resolve("nope") + ": no such file\n", missing.err());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an executable at all\n".repeat(10));
        CliRun notElf = CliRun.of("", "inspect", text.toString());
        assertEquals(2, notElf.exit());
        assertTrue(notElf.err().startsWith("llgo-frames: " + text + ": ELF header"), notElf.err());
        assertEquals(1, notElf.err().lines().count());
        Path cut = dir.resolve("cut");
        byte[] full = Files.readAllBytes(fixture("nopie").executable());
        Files.write(cut, java.util.Arrays.copyOf(full, full.length / 3));
        CliRun truncated = CliRun.of("", "inspect", cut.toString());
        assertEquals(2, truncated.exit());
        assertTrue(truncated.err().startsWith("llgo-frames: " + cut + ": "), truncated.err());
        CliRun badPc = CliRun.of("", "symbolize", fixture("nopie").executable().toString(), "0xZZ");
        assertEquals(2, badPc.exit());
        assertTrue(badPc.err().contains("'0xZZ' is not a hexadecimal pc"), badPc.err());
        assertEquals(2, CliRun.of("", "frobnicate").exit());
        assertEquals(2, CliRun.of("").exit());
    }

    @Test
    void traceRewritesLlgoTextAndPassesOtherLinesThrough() throws Exception {
        Fixture f = fixture("prebuilt");
        String crash = crashPcs(f);
        CliRun llgo = CliRun.of(crash, "emulate", f.executable().toString(), "--fault");
        assertEquals(0, llgo.exit(), llgo.err());
        assertTrue(llgo.out().contains("main.cleanup(...)"), "LLGo misnames the C frames: " + llgo.out());
        String log = "starting server\n" + llgo.out() + "exit status 2\nafter\n";
        CliRun gc = CliRun.of(log, "trace", "--binary", f.executable().toString(), "--color=never");
        assertEquals(0, gc.exit(), gc.err());
        assertTrue(gc.out().startsWith("starting server\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV"), gc.out());
        assertTrue(gc.out().contains("\ncexc_leaf_segv\n"), gc.out());
        assertTrue(gc.out().contains("main.callC()\n"), gc.out());
        assertTrue(!gc.out().contains("main.cleanup") && !gc.out().contains("runtime.goexit"), gc.out());
        assertTrue(gc.out().endsWith("after\n"), gc.out());

        CliRun raw = CliRun.of(log, "trace", "--raw", "--binary", f.executable().toString());
        assertTrue(raw.out().contains("cexc_leaf_segv(...)"), raw.out());

        CliRun json = CliRun.of(log, "trace", "--json", "--binary", f.executable().toString());
        JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals(f.executable().toString(), root.get("binary").getAsString());
        assertEquals(2, root.get("passthrough").getAsInt());
        JsonObject g = root.getAsJsonArray("goroutines").get(0).getAsJsonObject();
        assertEquals(List.of("id", "state", "panic", "signal", "createdBy", "frames"), new ArrayList<>(g.keySet()));
        JsonObject first = null;
        for (JsonElement e : g.getAsJsonArray("frames")) {
            if (e.getAsJsonObject().get("kind").getAsString().equals("c")) {
                first = e.getAsJsonObject();
                break;
            }
        }
        assertEquals("cexc_leaf_segv", first.get("function").getAsString());
        assertEquals(List.of("function", "file", "line", "pc", "entry", "offset", "kind", "provenance", "note"),
                new ArrayList<>(first.keySet()));
        assertTrue(first.get("note").getAsString().contains("main.cleanup"), first.toString());
    }

    @Test
    void inspectSaysWhenTheRuntimeWouldNotAdoptTheBlob(@TempDir Path dir) throws Exception {
        Fixture f = fixture("prebuilt");
        dev.llgoframes.core.image.ImageSection carrier = dev.llgoframes.core.image.ElfImage.open(f.executable())
                .llgoSection(dev.llgoframes.core.image.LlgoSection.ENTRY_SITES).orElseThrow();
        byte[] bytes = Files.readAllBytes(f.executable());
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(Math.toIntExact(carrier.fileOffset() + 24), 0x7fff_ffff); // blob row count
        Path copy = dir.resolve("prog");
        Files.write(copy, bytes);
        CliRun r = CliRun.of("", "inspect", copy.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("LLGOFTB1 blob the runtime would not adopt (carrier read as raw sites)"), r.out());
        assertTrue(r.out().contains("function table: first_use (entries=dlsym)"), r.out());
    }

    @Test
    void emulateWithUnwindNamesPrintsCFramesByName() throws Exception {
        // §9.3 [R]: with LLGO_DYNUNWIND_NAMES=1 C frames print as cfunc(...) / pc=0x<pc-1> (frame 0:
        // the faulting instruction) and the C entry as main(...); Go frames keep file:line +offset
        Fixture f = fixture("prebuilt");
        String crash = crashPcs(f);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("fixture-frame: 0x([0-9a-f]+)").matcher(crash);
        assertTrue(m.find(), crash);
        long faultPc = Long.parseLong(m.group(1), 16) - 1; // the first frame is fault pc + 1
        CliRun named = CliRun.of(crash, "emulate", f.executable().toString(), "--fault", "--unwind-names");
        assertEquals(0, named.exit(), named.err());
        String out = named.out();
        assertTrue(out.contains("goroutine 1 [running]:\ncexc_leaf_segv(...)\n\tpc=0x" + Long.toHexString(faultPc) + "\n"), out);
        assertTrue(out.contains("\ncexc_mid_segv(...)\n\tpc=0x"), out);
        assertTrue(out.contains("\nmain.callC(...)\n\t") && out.contains("main.go:"), out);
        assertTrue(out.contains("\nmain(...)\n\tpc=0x"), "the C entry under its own name: " + out);
        assertTrue(!out.contains("main.cleanup"), "no C frame under a Go name: " + out);

        // the gc view of either shape is the same
        String gcNamed = CliRun.of(out + "exit status 2\n", "trace", "--binary", f.executable().toString(), "--color=never").out();
        String gcPlain = CliRun.of(CliRun.of(crash, "emulate", f.executable().toString(), "--fault").out() + "exit status 2\n",
                "trace", "--binary", f.executable().toString(), "--color=never").out();
        assertEquals(gcPlain, gcNamed);

        CliRun misuse = CliRun.of(crash, "emulate", f.executable().toString(), "--panic", "--unwind-names");
        assertEquals(2, misuse.exit());
        assertTrue(misuse.err().contains("--unwind-names goes with --fault"), misuse.err());
    }

    @Test
    void traceMapsBuildPaths() {
        String text = "panic: boom\n\ngoroutine 1 [running]:\nmain.f(...)\n\t/build/src/app/main.go:7 +0x2f\nmain.main(...)\n\t/build/src/app/main.go:12 +0x9\n";
        CliRun r = CliRun.of(text, "trace", "--map", "/build/src=/home/me/src", "--color=never");
        assertTrue(r.out().contains("\t/home/me/src/app/main.go:7 +0x2f"), r.out());
        CliRun j = CliRun.of(text, "trace", "--json", "--map=/build/src=/home/me/src");
        assertTrue(j.out().contains("\"file\": \"/home/me/src/app/main.go\""), j.out());
        assertEquals(2, CliRun.of(text, "trace", "--map", "nonsense").exit());
    }
}
