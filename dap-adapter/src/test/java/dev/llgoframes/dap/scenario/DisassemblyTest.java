package dev.llgoframes.dap.scenario;

import com.google.gson.JsonObject;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.ProgramBuilder;
import dev.llgoframes.dap.testing.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.objects;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Machine-level views of a binary without DWARF: disassembly listings for frames without
 * source, the disassemble request named by our core, readMemory with unreadable bytes,
 * instruction breakpoints and instruction steps.
 */
class DisassemblyTest {
    @TempDir
    static Path dir;
    static ProgramBuilder.Program p;

    @BeforeAll
    static void build() throws Exception {
        p = ProgramBuilder.build("fault.c.in", dir, false, List.of());
    }

    private static long addr(String hex) {
        return Long.parseUnsignedLong(hex.substring(2), 16);
    }

    private static int byteCount(JsonObject instruction) {
        String b = str(instruction, "instructionBytes");
        return b == null || b.isEmpty() ? 0 : HexFormat.ofDelimiter(" ").parseHex(b).length;
    }

    @Test
    void framesWithoutSourceGetTheirFunctionsDisassembly() throws Exception {
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, p.executable(), List.of("segv"), Map.of());
            c.ok("configurationDone", null);
            int tid = c.event("stopped").get("threadId").getAsInt();
            List<JsonObject> stack = Scenario.stack(c, tid);

            JsonObject leaf = stack.get(0);
            assertEquals("cexc_leaf_segv", str(leaf, "name"));
            JsonObject src = leaf.getAsJsonObject("source");
            assertEquals("disassembly", str(src, "origin"));
            assertNull(str(src, "path"));
            int ref = src.get("sourceReference").getAsInt();
            assertTrue(ref > 0);
            String text = str(c.ok("source", args("source", src, "sourceReference", ref)), "content");
            List<String> lines = text.lines().toList();
            assertTrue(lines.get(0).contains("cexc_leaf_segv"), lines.get(0));
            String atPc = lines.get(leaf.get("line").getAsInt() - 1);
            assertEquals(addr(str(leaf, "instructionPointerReference")), addr(atPc.substring(0, atPc.indexOf(' '))), atPc);
            assertTrue(atPc.contains("<cexc_leaf_segv+"), atPc);
            assertTrue(atPc.contains("$0x2a"), "the faulting store of 42: " + atPc);

            // C frames in recursion share one listing; a Go frame keeps its real source
            JsonObject mid = stack.get(1);
            assertEquals("cexc_mid_segv", str(mid, "name"));
            assertEquals(mid.getAsJsonObject("source").get("sourceReference").getAsInt(),
                    stack.get(2).getAsJsonObject("source").get("sourceReference").getAsInt());
            JsonObject goFrame = stack.stream().filter(f -> "main.callC".equals(str(f, "name"))).findFirst().orElseThrow();
            assertEquals(p.source().toString(), str(goFrame.getAsJsonObject("source"), "path"));
            assertFalse(goFrame.getAsJsonObject("source").has("sourceReference")
                    && goFrame.getAsJsonObject("source").get("sourceReference").getAsInt() > 0);

            JsonObject bad = c.request("source", args("sourceReference", 9999));
            assertFalse(bad.get("success").getAsBoolean());
            c.ok("disconnect", args());
        }
    }

    @Test
    void disassembleNamesGoCodeByOurTablesAndReadMemoryMatchesIt() throws Exception {
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, p.executable(), List.of("segv"), Map.of());
            long pid = c.messages().stream().filter(m -> "process".equals(str(m, "event"))).findFirst()
                    .map(m -> m.getAsJsonObject("body").get("systemProcessId").getAsLong()).orElseThrow();
            c.ok("configurationDone", null);
            int tid = c.event("stopped").get("threadId").getAsInt();
            JsonObject goFrame = Scenario.stack(c, tid).stream().filter(f -> "main.callC".equals(str(f, "name")))
                    .findFirst().orElseThrow();
            String ret = str(goFrame, "instructionPointerReference");

            List<JsonObject> ins = objects(c.ok("disassemble", args("memoryReference", ret, "instructionOffset", -6,
                    "instructionCount", 12, "resolveSymbols", true)).getAsJsonArray("instructions"));
            assertEquals(12, ins.size());
            assertEquals(addr(ret), addr(str(ins.get(6), "address")), "instruction 0 is the one at the reference");
            for (int k = 0; k + 1 < ins.size(); k++) {
                assertEquals(addr(str(ins.get(k), "address")) + byteCount(ins.get(k)), addr(str(ins.get(k + 1), "address")),
                        "contiguous decoding at " + k + ": " + ins);
            }
            JsonObject call = ins.get(5);
            assertTrue(str(call, "instruction").startsWith("call"), call.toString());
            assertEquals("main.callC", str(call, "symbol"), "our name, not gdb's main[callC]");
            assertEquals(goFrame.get("line").getAsInt(), call.get("line").getAsInt(), "the call's line is the frame's line");
            JsonObject located = ins.stream().filter(i -> i.has("location")).findFirst().orElseThrow();
            assertEquals(p.source().toString(), str(located.getAsJsonObject("location"), "path"));

            // unmapped memory: exactly the count asked for, marked invalid, addresses still ascending
            List<JsonObject> none = objects(c.ok("disassemble", args("memoryReference", "0x1000", "instructionOffset", -2,
                    "instructionCount", 4)).getAsJsonArray("instructions"));
            assertEquals(4, none.size());
            for (int k = 0; k < 4; k++) {
                assertEquals("invalid", str(none.get(k), "presentationHint"), none.toString());
                assertTrue(k == 0 || addr(str(none.get(k), "address")) > addr(str(none.get(k - 1), "address")), none.toString());
            }
            assertEquals(0x1000, addr(str(none.get(2), "address")));

            // the bytes in memory are the decoded instruction bytes
            int total = ins.subList(6, 9).stream().mapToInt(DisassemblyTest::byteCount).sum();
            JsonObject mem = c.ok("readMemory", args("memoryReference", ret, "count", total));
            assertEquals(addr(ret), addr(str(mem, "address")));
            StringBuilder hex = new StringBuilder();
            ins.subList(6, 9).forEach(i -> hex.append(str(i, "instructionBytes").replace(" ", "")));
            assertArrayEquals(HexFormat.of().parseHex(hex), Base64.getDecoder().decode(str(mem, "data")));

            JsonObject nothing = c.ok("readMemory", args("memoryReference", "0x0", "count", 8));
            assertEquals(8, nothing.get("unreadableBytes").getAsInt());
            assertEquals(0, Base64.getDecoder().decode(str(nothing, "data")).length);

            // the end of a mapping followed by a hole: the readable part, then the unreadable count
            long end = mappingEndBeforeHole(pid);
            JsonObject edge = c.ok("readMemory", args("memoryReference", "0x" + Long.toHexString(end - 8), "count", 24));
            assertEquals(8, Base64.getDecoder().decode(str(edge, "data")).length, edge.toString());
            assertEquals(16, edge.get("unreadableBytes").getAsInt(), edge.toString());

            JsonObject bad = c.request("readMemory", args("memoryReference", "main", "count", 8));
            assertFalse(bad.get("success").getAsBoolean());
            assertTrue(str(bad, "message").contains("not a memory reference"), str(bad, "message"));
            c.ok("disconnect", args());
        }
    }

    /** End of a writable mapping of the debuggee that no mapping directly follows. */
    private static long mappingEndBeforeHole(long pid) throws Exception {
        List<long[]> maps = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
            String[] range = l.split("\\s+")[0].split("-");
            maps.add(new long[] {Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
                    l.split("\\s+")[1].startsWith("rw") ? 1 : 0});
        }
        for (int k = 0; k < maps.size(); k++) {
            boolean followed = k + 1 < maps.size() && maps.get(k + 1)[0] < maps.get(k)[1] + 32;
            if (maps.get(k)[2] == 1 && !followed) {
                return maps.get(k)[1];
            }
        }
        throw new AssertionError("no writable mapping before a hole in " + maps.size() + " mappings");
    }

    @Test
    void instructionBreakpointAndInstructionStep() throws Exception {
        long add = Symbolizer.of(LlgoBinary.open(p.executable())).nativeSymbols().addressOf("main.add");
        assertNotEquals(0, add);
        try (DapClient c = DapClient.start()) {
            JsonObject caps = Scenario.initialize(c);
            for (String cap : List.of("supportsInstructionBreakpoints", "supportsDisassembleRequest", "supportsReadMemoryRequest",
                    "supportsSteppingGranularity")) {
                assertTrue(caps.has(cap) && caps.get(cap).getAsBoolean(), cap);
            }
            c.ok("launch", args("program", p.executable().toString(), "args", List.of("ok")));
            c.event("initialized");
            String ref = "0x" + Long.toHexString(add);
            JsonObject set = c.ok("setInstructionBreakpoints", args("breakpoints", List.of(args("instructionReference", ref))));
            JsonObject bp = set.getAsJsonArray("breakpoints").get(0).getAsJsonObject();
            assertTrue(bp.get("verified").getAsBoolean(), bp.toString());
            assertEquals(ref, str(bp, "instructionReference"));
            c.ok("configurationDone", null);

            JsonObject stopped = c.event("stopped");
            assertEquals("instruction breakpoint", str(stopped, "reason"));
            assertEquals(bp.get("id").getAsInt(), stopped.getAsJsonArray("hitBreakpointIds").get(0).getAsInt());
            int tid = stopped.get("threadId").getAsInt();
            JsonObject top = Scenario.stack(c, tid).get(0);
            assertEquals("main.add", str(top, "name"));
            assertEquals(add, addr(str(top, "instructionPointerReference")));

            List<JsonObject> two = objects(c.ok("disassemble", args("memoryReference", ref, "instructionCount", 2))
                    .getAsJsonArray("instructions"));
            c.ok("stepIn", args("threadId", tid, "granularity", "instruction"));
            assertEquals("step", str(c.event("stopped"), "reason"));
            assertEquals(addr(str(two.get(1), "address")), addr(str(Scenario.stack(c, tid).get(0), "instructionPointerReference")));

            c.ok("setInstructionBreakpoints", args("breakpoints", List.of()));
            c.ok("continue", args("threadId", tid));
            assertEquals(3, c.event("exited").get("exitCode").getAsInt());
            c.ok("disconnect", args());
        }
    }
}
