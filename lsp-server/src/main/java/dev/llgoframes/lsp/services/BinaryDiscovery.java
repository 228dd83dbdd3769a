package dev.llgoframes.lsp.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds candidate executables: the {@code binaries} setting (paths and globs) and ELF executables in the
 * workspace folders. Both walks are bounded in depth and entries visited, so opening a home directory as
 * a workspace does not stall the server; whether a file carries LLGo's tables is decided by loading it.
 */
public final class BinaryDiscovery {
    public static final int SCAN_DEPTH = 5;
    public static final int SCAN_ENTRIES = 20_000;
    public static final int MAX_FOUND = 24;
    private static final long MAX_SIZE = 2L << 30;
    private static final Set<String> SKIP = Set.of(".git", ".hg", ".svn", "node_modules", ".idea", ".vscode", "vendor");

    private BinaryDiscovery() {}

    /** Configured entries: plain paths as given (relative to {@code base}), globs expanded. */
    public static List<Path> configured(List<String> entries, Path base, List<String> problems) {
        Set<Path> out = new LinkedHashSet<>();
        for (String e : entries) {
            try {
                if (!isGlob(e)) {
                    Path p = Path.of(e);
                    out.add((p.isAbsolute() || base == null ? p : base.resolve(p)).normalize());
                    continue;
                }
                out.addAll(expand(e, base));
            } catch (IllegalArgumentException x) {
                problems.add("binaries: '" + e + "' is not a valid path or glob: " + x.getMessage());
            }
        }
        return List.copyOf(out);
    }

    static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    private static List<Path> expand(String glob, Path base) {
        String abs = Path.of(glob.substring(0, firstGlobChar(glob))).isAbsolute() || base == null ? glob
                : base.toString() + "/" + glob;
        int g = firstGlobChar(abs);
        int slash = abs.lastIndexOf('/', g);
        Path root = Path.of(slash <= 0 ? "/" : abs.substring(0, slash));
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + abs);
        List<Path> out = new ArrayList<>();
        walk(root, 12, p -> { if (m.matches(p)) out.add(p.normalize()); });
        return out;
    }

    private static int firstGlobChar(String s) {
        int best = s.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int k = s.indexOf(c);
            if (k >= 0 && k < best) best = k;
        }
        return best;
    }

    /** ELF executables in the folders (without loading them). */
    public static List<Path> scan(List<Path> folders) {
        List<Path> out = new ArrayList<>();
        for (Path f : folders) {
            walk(f, SCAN_DEPTH, p -> { if (out.size() < MAX_FOUND && isElfExecutable(p)) out.add(p); });
        }
        return out;
    }

    private static void walk(Path root, int depth, java.util.function.Consumer<Path> onFile) {
        if (!Files.isDirectory(root)) return;
        int[] seen = {0};
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path n = dir.getFileName();
                    if (!dir.equals(root) && n != null && (SKIP.contains(n.toString()) || n.toString().startsWith("."))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return ++seen[0] > SCAN_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) onFile.accept(file);
                    return ++seen[0] > SCAN_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) { return FileVisitResult.CONTINUE; }
            });
        } catch (IOException e) {
            // keep what was found
        }
    }

    static boolean isElfExecutable(Path p) {
        try {
            if (!Files.isExecutable(p) || Files.size(p) < 64 || Files.size(p) > MAX_SIZE) return false;
            try (InputStream in = Files.newInputStream(p)) {
                byte[] h = in.readNBytes(18);
                // e_type (offset 16): ET_EXEC or ET_DYN, little-endian as on every target LLGo supports here
                return h.length == 18 && h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F' && (h[16] == 2 || h[16] == 3);
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
