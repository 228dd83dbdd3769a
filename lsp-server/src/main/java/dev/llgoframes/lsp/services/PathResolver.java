package dev.llgoframes.lsp.services;

import dev.llgoframes.core.paths.PathMap;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the local file for a printed path, in the documented order: as printed; {@code substitutePath}
 * rules; GOROOT; workspace folders by longest path suffix; the module cache. Every candidate must
 * exist and lie under an {@link AllowedRoots allowed root}. Immutable configuration; answers are
 * cached briefly because a trace names few files many times.
 */
public final class PathResolver {
    private static final long CACHE_MILLIS = 5_000;

    private final Settings settings;
    private final Optional<Path> goroot;
    private final Optional<Path> moduleCache;
    private final AllowedRoots roots;
    private final java.util.function.Supplier<WorkspaceFileIndex> index;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Resolution r, long at) {}

    /** A substitutePath rule with its target as an absolute, normalized path (null: unusable, said why). */
    private record Rule(Settings.Substitution s, Path target, String problem) {}

    private final List<Rule> rules;

    public PathResolver(Settings settings, List<Path> workspaceFolders, Optional<Path> goroot, Optional<Path> moduleCache,
            java.util.function.Supplier<WorkspaceFileIndex> index) {
        this.settings = settings;
        this.goroot = goroot;
        this.moduleCache = moduleCache;
        this.index = index;
        List<Path> r = new ArrayList<>(workspaceFolders);
        goroot.ifPresent(r::add);
        moduleCache.ifPresent(r::add);
        // Relative targets mean the first workspace folder, like relative binaries; never the server's cwd.
        Path base = workspaceFolders.isEmpty() ? null : workspaceFolders.get(0);
        List<Rule> rs = new ArrayList<>();
        for (Settings.Substitution s : settings.substitutePath()) {
            Path t = path(s.to());
            if (t == null) rs.add(new Rule(s, null, "invalid target path"));
            else if (!t.isAbsolute() && base == null) rs.add(new Rule(s, null, "relative target and no workspace folder"));
            else {
                Path abs = (t.isAbsolute() ? t : base.resolve(t)).normalize();
                rs.add(new Rule(s, abs, null));
                r.add(abs);
            }
        }
        this.rules = List.copyOf(rs);
        this.roots = new AllowedRoots(r);
    }

    public AllowedRoots roots() { return roots; }

    public Optional<Path> goroot() { return goroot; }

    public Optional<Path> moduleCache() { return moduleCache; }

    public Resolution resolve(String printed) { return resolve(printed, null); }

    /** @param cwd directory for relative paths (a terminal's working directory), may be null */
    public Resolution resolve(String printed, Path cwd) {
        if (printed == null || printed.isEmpty() || printed.equals("???")) {
            return Resolution.unresolved(List.of("no file printed"));
        }
        String key = cwd == null ? printed : cwd + "\u0000" + printed;
        long now = System.currentTimeMillis();
        Cached c = cache.get(key);
        if (c != null && now - c.at() < CACHE_MILLIS) return c.r();
        Resolution r = compute(printed, cwd);
        if (cache.size() > 10_000) cache.clear();
        cache.put(key, new Cached(r, now));
        return r;
    }

    private Resolution compute(String printed, Path cwd) {
        List<String> tried = new ArrayList<>();
        Path asIs = path(printed);
        if (asIs != null && !asIs.isAbsolute() && cwd != null) asIs = cwd.resolve(asIs);
        if (asIs != null && asIs.isAbsolute()) {
            Optional<Path> ok = roots.admit(asIs);
            if (ok.isPresent()) return new Resolution(ok.get(), "as printed", tried);
            tried.add(roots.existsOutside(asIs) ? "as printed: exists, but outside the workspace folders, GOROOT, the module cache and configured roots"
                    : "as printed: no such file");
        } else {
            tried.add("as printed: relative path" + (cwd == null ? " and no working directory" : ""));
        }

        boolean anyRule = false;
        for (Rule rule : rules) {
            Settings.Substitution s = rule.s();
            Optional<String> rest = PathMap.remainder(printed, s.from());
            if (rest.isEmpty()) continue;
            anyRule = true;
            if (rule.target() == null) {
                tried.add("substitutePath " + s.from() + " → " + s.to() + ": " + rule.problem());
                continue;
            }
            String mapped = rule.target() + "/" + stripSeparators(rest.get());
            Path p = inside(mapped, rule.target());
            Optional<Path> ok = p == null ? Optional.empty() : roots.admit(p);
            if (ok.isPresent()) return new Resolution(ok.get(), "substitutePath " + s.from() + " → " + s.to(), tried);
            tried.add("substitutePath " + s.from() + " → " + s.to() + ": " + mapped
                    + (p == null && path(mapped) != null ? " leaves the target (..)" : " not found"));
        }
        if (!anyRule) tried.add("substitutePath: " + (settings.substitutePath().isEmpty() ? "no rules configured" : "no rule matches"));

        if (goroot.isPresent()) {
            boolean any = false;
            for (int k = printed.indexOf("/src/"); k >= 0; k = printed.indexOf("/src/", k + 1)) {
                any = true;
                Path p = inside(goroot.get() + printed.substring(k), goroot.get());
                Optional<Path> ok = p == null ? Optional.empty() : roots.admit(p);
                if (ok.isPresent()) return new Resolution(ok.get(), "GOROOT " + goroot.get(), tried);
            }
            tried.add("GOROOT " + goroot.get() + (any ? ": no such file there" : ": not a GOROOT path"));
        } else {
            tried.add("GOROOT: not configured and not detected");
        }

        WorkspaceFileIndex.SuffixMatch m = index.get().match(printed);
        if (m != null && m.best() != null) {
            Optional<Path> ok = roots.admit(m.best());
            if (ok.isPresent()) {
                return new Resolution(ok.get(), "workspace folder (matching suffix " + suffix(printed, m.components()) + ")", tried);
            }
            tried.add("workspace folders: " + m.best() + " is outside the allowed roots");
        } else if (m != null) {
            tried.add("workspace folders: ambiguous, " + m.tied().size() + " files end in " + suffix(printed, m.components()));
        } else {
            tried.add("workspace folders: no file named " + baseName(printed));
        }

        if (moduleCache.isPresent()) {
            int k = printed.indexOf("/pkg/mod/");
            if (k >= 0) {
                Path p = inside(moduleCache.get() + printed.substring(k + "/pkg/mod".length()), moduleCache.get());
                Optional<Path> ok = p == null ? Optional.empty() : roots.admit(p);
                if (ok.isPresent()) return new Resolution(ok.get(), "module cache " + moduleCache.get(), tried);
                tried.add("module cache " + moduleCache.get() + ": not there");
            } else {
                tried.add("module cache " + moduleCache.get() + ": not a module path");
            }
        }
        return Resolution.unresolved(tried);
    }

    /**
     * {@code s} normalized, when it stays under {@code base}: a {@code ..} in the printed rest must not
     * climb out of the directory it was mapped into (the allowed-roots check would still refuse files
     * outside every root; this also keeps a mapping from landing in another root).
     */
    private static Path inside(String s, Path base) {
        Path p = path(s);
        return p != null && p.startsWith(base.normalize()) ? p : null;
    }

    private static String stripSeparators(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '/' || s.charAt(i) == '\\')) i++;
        return s.substring(i);
    }

    private static Path path(String s) {
        try {
            return Path.of(s).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static String suffix(String printed, int components) {
        String[] c = WorkspaceFileIndex.components(printed);
        return String.join("/", java.util.Arrays.copyOfRange(c, Math.max(0, c.length - components), c.length));
    }

    private static String baseName(String printed) {
        String[] c = WorkspaceFileIndex.components(printed);
        return c.length == 0 ? printed : c[c.length - 1];
    }
}
