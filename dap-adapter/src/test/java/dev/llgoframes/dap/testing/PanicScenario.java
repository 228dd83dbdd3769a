package dev.llgoframes.dap.testing;

import com.google.gson.JsonObject;
import dev.llgoframes.fixtures.Fixture;
import dev.llgoframes.fixtures.FixtureProgram;
import dev.llgoframes.fixtures.Fixtures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.llgoframes.dap.testing.DapClient.args;

/** The runtime fixture under the adapter: launch with exception filters, and gc text read back as frames. */
public final class PanicScenario {
    private PanicScenario() {}

    public static Fixture runtime(String variant) {
        return Fixtures.build(FixtureProgram.runtime(), Fixtures.standardVariant(variant));
    }

    /** Launches {@code mode} with exactly these exception filters and lets it run. */
    public static void start(DapClient c, Fixture f, String mode, List<String> filters) throws IOException {
        Scenario.launch(c, f.executable(), List.of(mode), Map.of());
        c.ok("setExceptionBreakpoints", args("filters", filters));
        c.ok("configurationDone", null);
    }

    /** exceptionInfo's gc stack text as "name file:line" / "name" per frame, like the truth's panic views. */
    public static List<String> gcFrames(JsonObject exceptionInfo) {
        String text = DapClient.str(exceptionInfo.getAsJsonObject("details"), "stackTrace");
        String[] lines = text.split("\n");
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length && !lines[i].startsWith("goroutine ")) i++;
        for (i++; i + 1 < lines.length && !lines[i].isEmpty(); i += 2) {
            String name = lines[i].replace("(...)", "").replace("()", "");
            String pos = lines[i + 1].trim();
            int plus = pos.indexOf(" +0x");
            if (plus >= 0) pos = pos.substring(0, plus);
            // C frames in cgo form (pc only) and gc's own frames (no line) carry no file:line
            boolean noLine = pos.equals("?") || pos.equals("?:0") || pos.startsWith("pc=") || !pos.matches(".*:\\d+");
            out.add(noLine ? name : name + " " + Path.of(pos).getFileName());
        }
        return out;
    }
}
