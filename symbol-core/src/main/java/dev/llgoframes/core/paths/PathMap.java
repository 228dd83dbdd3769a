package dev.llgoframes.core.paths;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The launch option {@code substitutePath}: build-machine path prefixes and where those files
 * are here. Frames, disassembly and panic text show local paths; a breakpoint set on a local
 * path is looked up under its build path. First matching rule wins; prefixes match whole path
 * components only ({@code /b} matches {@code /b/x.go}, not {@code /bx/x.go}).
 */
public record PathMap(List<Rule> rules) {
    public static final PathMap NONE = new PathMap(List.of());

    public record Rule(String from, String to) {}

    public PathMap {
        rules = List.copyOf(rules);
    }

    /** A build path (from the tables) as the local path. */
    public String toLocal(String buildPath) {
        return rewrite(buildPath, Rule::from, Rule::to);
    }

    /** A local path (from the client) as the build path the tables name. */
    public String toBuild(String localPath) {
        return rewrite(localPath, Rule::to, Rule::from);
    }

    private String rewrite(String path, Function<Rule, String> match, Function<Rule, String> replace) {
        if (path == null) {
            return null;
        }
        for (Rule r : rules) {
            Optional<String> rest = remainder(path, match.apply(r));
            if (rest.isPresent()) {
                return strip(replace.apply(r)) + rest.get();
            }
        }
        return path;
    }

    /**
     * What follows {@code prefix} in {@code path} (with its leading separator), when the prefix ends
     * on a path component boundary; traces built on Windows separate with '\\'. An empty prefix
     * matches nothing; "/" matches every absolute path.
     */
    public static Optional<String> remainder(String path, String prefix) {
        if (path == null || prefix == null || prefix.isEmpty()) {
            return Optional.empty();
        }
        String p = prefix;
        while (p.length() > 1 && isSeparator(p.charAt(p.length() - 1))) {
            p = p.substring(0, p.length() - 1);
        }
        if (!path.startsWith(p)) {
            return Optional.empty();
        }
        if (path.length() == p.length()) {
            return Optional.of("");
        }
        if (isSeparator(p.charAt(p.length() - 1))) {
            return Optional.of(path.substring(p.length() - 1)); // the root: the rest keeps its separator
        }
        return isSeparator(path.charAt(p.length())) ? Optional.of(path.substring(p.length())) : Optional.empty();
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '\\';
    }

    private static String strip(String prefix) {
        return prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
