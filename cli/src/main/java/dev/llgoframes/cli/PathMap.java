package dev.llgoframes.cli;

import java.util.ArrayList;
import java.util.List;

/** Ordered FROM=TO prefix rewrites for build paths; the first matching rule wins. */
final class PathMap {
    private record Rule(String from, String to) {}

    private final List<Rule> rules = new ArrayList<>();

    void add(String spec) throws UsageException {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--map takes FROM=TO, got '" + spec + "'");
        }
        rules.add(new Rule(spec.substring(0, eq), spec.substring(eq + 1)));
    }

    void addPrefix(String from, String to) {
        rules.add(new Rule(from, to));
    }

    boolean isEmpty() { return rules.isEmpty(); }

    String apply(String path) {
        if (path == null) {
            return null;
        }
        for (Rule r : rules) {
            if (path.startsWith(r.from()) && (path.length() == r.from().length() || r.from().endsWith("/")
                    || path.charAt(r.from().length()) == '/')) {
                return r.to() + path.substring(r.from().length());
            }
        }
        return path;
    }

    /** Rewrites the path of a rendered location line ({@code \t<path>:<line> +0x…}). */
    String applyToLine(String line) {
        if (rules.isEmpty() || !line.startsWith("\t")) {
            return line;
        }
        for (Rule r : rules) {
            if (line.startsWith("\t" + r.from())) {
                int colon = line.indexOf(':', 1 + r.from().length());
                String path = colon < 0 ? line.substring(1) : line.substring(1, colon);
                String mapped = apply(path);
                return "\t" + mapped + (colon < 0 ? "" : line.substring(colon));
            }
        }
        return line;
    }
}
