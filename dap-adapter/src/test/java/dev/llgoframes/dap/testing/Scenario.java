package dev.llgoframes.dap.testing;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.llgoframes.dap.testing.DapClient.args;

/** The common opening of a debugging session, written once. */
public final class Scenario {
    private Scenario() {}

    public static JsonObject initialize(DapClient c) throws IOException {
        return c.ok("initialize", args("clientID", "test", "adapterID", "llgo", "linesStartAt1", true,
                "columnsStartAt1", true, "pathFormat", "path"));
    }

    /** initialize + launch (+ the initialized event that follows); the program sits at its first instruction. */
    public static void launch(DapClient c, Path program, List<String> programArgs, Map<String, Object> extra) throws IOException {
        initialize(c);
        Map<String, Object> a = args("program", program.toString(), "args", programArgs);
        a.putAll(extra);
        c.ok("launch", a);
        c.event("initialized");
    }

    /**
     * A frame as "name file:line" for full-stack assertions; file:line omitted when unknown (no
     * source, or only a disassembly listing by reference).
     */
    public static String describe(JsonObject frame) {
        String name = DapClient.str(frame, "name");
        String path = frame.has("source") ? DapClient.str(frame.getAsJsonObject("source"), "path") : null;
        if (path == null) {
            return name;
        }
        return name + " " + Path.of(path).getFileName() + ":" + frame.get("line").getAsInt();
    }

    public static List<JsonObject> stack(DapClient c, int threadId) throws IOException {
        return DapClient.objects(c.ok("stackTrace", args("threadId", threadId)).getAsJsonArray("stackFrames"));
    }

    public static List<String> describeStack(DapClient c, int threadId, int max) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonObject f : stack(c, threadId)) {
            if (out.size() == max) {
                break;
            }
            out.add(describe(f));
        }
        return out;
    }
}
