package dev.llgoframes.lsp.services;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link Settings} from whatever JSON the client sent. Accepts the section itself or an object
 * holding it under {@code llgoFrames}; a wrong entry is skipped and named in {@link Settings#problems},
 * never fatal, so one typo does not switch the server off.
 */
public final class SettingsParser {
    public static final String SECTION = "llgoFrames";

    private SettingsParser() {}

    public static Settings parse(Object raw) {
        if (!(raw instanceof JsonElement e) || !e.isJsonObject()) return Settings.DEFAULT;
        JsonObject o = e.getAsJsonObject();
        if (o.has(SECTION) && o.get(SECTION).isJsonObject()) o = o.getAsJsonObject(SECTION);
        List<String> problems = new ArrayList<>();

        List<String> binaries = new ArrayList<>();
        JsonElement b = o.get("binaries");
        if (b != null && !b.isJsonNull()) {
            if (b.isJsonArray()) {
                for (JsonElement x : b.getAsJsonArray()) {
                    if (isString(x) && !x.getAsString().isBlank()) binaries.add(x.getAsString());
                    else problems.add("binaries: ignored " + x + " (expected a path or glob)");
                }
            } else if (isString(b)) {
                binaries.add(b.getAsString());
            } else {
                problems.add("binaries: expected a list of paths or globs, got " + b);
            }
        }

        List<Settings.Substitution> subs = new ArrayList<>();
        JsonElement s = o.get("substitutePath");
        if (s != null && !s.isJsonNull()) {
            JsonArray arr = s.isJsonArray() ? s.getAsJsonArray() : null;
            if (arr == null) problems.add("substitutePath: expected a list of {from, to}, got " + s);
            else {
                for (JsonElement x : arr) {
                    JsonObject r = x.isJsonObject() ? x.getAsJsonObject() : null;
                    if (r != null && isString(r.get("to")) && hasDotDot(r.get("to").getAsString())) {
                        // A target is a directory links may open files in: it must be named, not climbed to.
                        problems.add("substitutePath: ignored " + x + " (the target must not contain '..')");
                    } else if (r != null && isString(r.get("from")) && isString(r.get("to")) && !r.get("from").getAsString().isEmpty()) {
                        subs.add(new Settings.Substitution(r.get("from").getAsString(), r.get("to").getAsString()));
                    } else {
                        problems.add("substitutePath: ignored " + x + " (expected {\"from\": str, \"to\": str})");
                    }
                }
            }
        }

        String goroot = null;
        JsonElement g = o.get("goroot");
        if (g != null && !g.isJsonNull()) {
            if (isString(g) && !g.getAsString().isBlank()) goroot = g.getAsString();
            else if (!isString(g)) problems.add("goroot: expected a string or null, got " + g);
        }

        boolean diagnostics = true;
        JsonElement d = o.get("diagnostics");
        if (d != null && !d.isJsonNull()) {
            if (d.isJsonPrimitive() && d.getAsJsonPrimitive().isBoolean()) diagnostics = d.getAsBoolean();
            else problems.add("diagnostics: expected true or false, got " + d);
        }
        return new Settings(binaries, subs, goroot, diagnostics, problems);
    }

    static boolean hasDotDot(String path) {
        for (String seg : path.split("[/\\\\]")) if (seg.equals("..")) return true;
        return false;
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }
}
