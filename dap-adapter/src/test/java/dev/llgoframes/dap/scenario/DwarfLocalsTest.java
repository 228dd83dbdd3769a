package dev.llgoframes.dap.scenario;

import com.google.gson.JsonObject;
import dev.llgoframes.dap.testing.DapClient;
import dev.llgoframes.dap.testing.Scenario;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.llgoframes.dap.testing.DapClient.args;
import static dev.llgoframes.dap.testing.DapClient.objects;
import static dev.llgoframes.dap.testing.DapClient.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C frames of a binary with DWARF get a Locals scope from gdb (the fault chain's parameters);
 * Go frames and binaries without DWARF do not, and the Registers scope is always there.
 */
class DwarfLocalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"nopie-dwarf5", "nopie"})
    void cFramesShowTheirDwarfVariables(String variant) throws Exception {
        boolean dwarf = variant.contains("dwarf");
        Fixture f = Fixtures.build(FixtureProgram.standard(), Fixtures.standardVariant(variant));
        try (DapClient c = DapClient.start()) {
            Scenario.launch(c, f.executable(), List.of("segv"), Map.of());
            c.ok("configurationDone", null);
            int tid = c.event("stopped").get("threadId").getAsInt();
            List<JsonObject> stack = Scenario.stack(c, tid);
            assertEquals("cexc_leaf_segv", str(stack.get(0), "name"));
            assertEquals("cexc_mid_segv", str(stack.get(1), "name"));

            Map<String, Integer> leaf = scopes(c, stack.get(0));
            assertEquals(dwarf ? List.of("Locals", "Registers", "Exception") : List.of("Registers", "Exception"),
                    List.copyOf(leaf.keySet()));
            Map<String, Integer> mid = scopes(c, stack.get(1));
            assertTrue(mid.containsKey("Registers"));
            if (dwarf) {
                assertTrue(names(c, leaf.get("Locals")).contains("p"), leaf.toString());
                List<String> midVars = names(c, mid.get("Locals"));
                assertTrue(midVars.containsAll(List.of("depth", "p")), midVars.toString());
                // the recursion's innermost level has depth 1, its caller depth 2: read from the frames' DWARF
                assertEquals("1", value(c, mid.get("Locals"), "depth"));
                assertEquals("2", value(c, scopes(c, stack.get(2)).get("Locals"), "depth"));
                assertEquals("0x0", value(c, leaf.get("Locals"), "p"), "the NULL the leaf stores through");
            } else {
                assertTrue(!mid.containsKey("Locals"));
            }
            JsonObject go = stack.stream().filter(x -> "main.callC".equals(str(x, "name"))).findFirst().orElseThrow();
            assertEquals(List.of("Registers"), List.copyOf(scopes(c, go).keySet()), "no C-level locals for Go frames");
            c.ok("disconnect", args());
        }
    }

    private static Map<String, Integer> scopes(DapClient c, JsonObject frame) throws Exception {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (JsonObject s : objects(c.ok("scopes", args("frameId", frame.get("id").getAsInt())).getAsJsonArray("scopes"))) {
            out.put(str(s, "name"), s.get("variablesReference").getAsInt());
        }
        return out;
    }

    private static String value(DapClient c, int ref, String name) throws Exception {
        return objects(c.ok("variables", args("variablesReference", ref)).getAsJsonArray("variables")).stream()
                .filter(v -> name.equals(str(v, "name"))).map(v -> str(v, "value")).findFirst().orElseThrow();
    }

    private static List<String> names(DapClient c, int ref) throws Exception {
        return objects(c.ok("variables", args("variablesReference", ref)).getAsJsonArray("variables")).stream()
                .map(v -> str(v, "name")).toList();
    }
}
