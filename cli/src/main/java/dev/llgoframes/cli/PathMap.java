package dev.llgoframes.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --map FROM=TO} options: ordered rewrites of build paths, first matching rule wins,
 * matched on whole path components by the core's {@link dev.llgoframes.core.paths.PathMap} (the
 * debug adapter's {@code substitutePath} uses the same rules).
 */
final class PathMap {
    private dev.llgoframes.core.paths.PathMap map = dev.llgoframes.core.paths.PathMap.NONE;

    void add(String spec) throws UsageException {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--map takes FROM=TO, got '" + spec + "'");
        }
        addPrefix(spec.substring(0, eq), spec.substring(eq + 1));
    }

    void addPrefix(String from, String to) {
        List<dev.llgoframes.core.paths.PathMap.Rule> rules = new ArrayList<>(map.rules());
        rules.add(new dev.llgoframes.core.paths.PathMap.Rule(from, to));
        map = new dev.llgoframes.core.paths.PathMap(rules);
    }

    private static final java.util.regex.Pattern LOCATION = java.util.regex.Pattern.compile("\t(.*):\\d+(\\s.*)?");

    boolean isEmpty() { return map.rules().isEmpty(); }

    String apply(String path) {
        return map.toLocal(path);
    }

    /** Rewrites the path of a rendered location line ({@code \t<path>:<line> +0x…}). */
    String applyToLine(String line) {
        if (isEmpty() || !line.startsWith("\t")) {
            return line;
        }
        // the path ends at the last ":<line>" (a drive letter or a colon inside the path stays in it)
        java.util.regex.Matcher m = LOCATION.matcher(line);
        if (!m.matches()) {
            return line;
        }
        String mapped = apply(m.group(1));
        return mapped.equals(m.group(1)) ? line : "\t" + mapped + line.substring(m.end(1));
    }
}
