package dev.llgoframes.lsp.services;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.llgoframes.fixtures.macho.MachOFixture;
import dev.llgoframes.fixtures.macho.MachOMode;
import dev.llgoframes.fixtures.macho.MachOOptions;
import dev.llgoframes.fixtures.macho.MachOProgram;
import dev.llgoframes.fixtures.macho.MachOTruth;
import dev.llgoframes.fixtures.macho.MachOWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The language server symbolizes darwin binaries on Linux like ELF ones (issue 5). */
class MachOBinaryTest {
    @TempDir
    Path tmp;

    @Test
    void symbolizeCommandReadsAMachOBinary() {
        MachOFixture f = MachOWriter.write(MachOProgram.standard(), MachOOptions.defaults(MachOMode.PREBUILT));
        Path exe = f.writeTo(tmp, "prog");
        TraceWorkspace ws = new TraceWorkspace(new GoEnvironment(java.util.Map.of("HOME", tmp.toString())), (k, m) -> {}, m -> {});
        MachOTruth t = f.truth();
        MachOTruth.Anchor site = t.anchors().get(0);
        JsonObject args = new JsonObject();
        args.addProperty("binary", exe.toString());
        JsonArray pcs = new JsonArray();
        pcs.add(new JsonPrimitive("0x" + Long.toHexString(site.pc())));
        args.add("pcs", pcs);
        JsonArray out = (JsonArray) new TraceCommands(ws).execute(TraceCommands.SYMBOLIZE, List.of(args));
        JsonObject r = out.get(0).getAsJsonObject();
        assertEquals(site.display(), r.get("function").getAsString(), r.toString());
        assertEquals(site.file(), r.get("file").getAsString());
        assertEquals(site.line(), r.get("line").getAsInt());
        assertTrue(r.get("provenance").getAsString().equals("tables"), r.toString());
    }
}
