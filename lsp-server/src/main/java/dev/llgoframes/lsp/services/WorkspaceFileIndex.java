package dev.llgoframes.lsp.services;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files of the workspace folders by base name, for matching build paths from another machine by their
 * longest path suffix. The walk is bounded (file count, depth) and skips VCS, dependency and hidden
 * folders, so a huge workspace costs a bounded time once, not on every hover.
 */
public final class WorkspaceFileIndex {
    public static final int MAX_FILES = 200_000;
    public static final int MAX_DEPTH = 24;
    private static final Set<String> SKIP = Set.of(".git", ".hg", ".svn", "node_modules", ".idea", ".vscode");

    private final Map<String, List<Path>> byName;
    private final boolean truncated;

    private WorkspaceFileIndex(Map<String, List<Path>> byName, boolean truncated) {
        this.byName = byName;
        this.truncated = truncated;
    }

    public static WorkspaceFileIndex empty() { return new WorkspaceFileIndex(Map.of(), false); }

    public static WorkspaceFileIndex scan(List<Path> folders) {
        Map<String, List<Path>> m = new HashMap<>();
        int[] count = {0};
        boolean[] cut = {false};
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) continue;
            try {
                Files.walkFileTree(folder, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, new FileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        Path n = dir.getFileName();
                        if (!dir.equals(folder) && n != null && (SKIP.contains(n.toString()) || n.toString().startsWith("."))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
                        if (++count[0] > MAX_FILES) {
                            cut[0] = true;
                            return FileVisitResult.TERMINATE;
                        }
                        m.computeIfAbsent(file.getFileName().toString(), k -> new ArrayList<>(1)).add(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) { return FileVisitResult.CONTINUE; }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException exc) { return FileVisitResult.CONTINUE; }
                });
            } catch (IOException e) {
                // unreadable folder: index what was seen
            }
            if (cut[0]) break;
        }
        return new WorkspaceFileIndex(m, cut[0]);
    }

    public boolean truncated() { return truncated; }

    /** Result of a suffix match: the unique best file, or the tied candidates. */
    public record SuffixMatch(Path best, int components, List<Path> tied) {}

    /**
     * The workspace file sharing the most trailing path components with {@code printed} (at least the
     * base name). Null when no file has that base name; {@code best} null when the best length is tied.
     */
    public SuffixMatch match(String printed) {
        String[] want = components(printed);
        if (want.length == 0) return null;
        List<Path> cands = byName.get(want[want.length - 1]);
        if (cands == null) return null;
        int bestLen = 0;
        List<Path> bestPaths = new ArrayList<>();
        for (Path c : cands) {
            int n = commonSuffix(want, c);
            if (n > bestLen) {
                bestLen = n;
                bestPaths.clear();
                bestPaths.add(c);
            } else if (n == bestLen) {
                bestPaths.add(c);
            }
        }
        return bestPaths.size() == 1 ? new SuffixMatch(bestPaths.get(0), bestLen, List.of())
                : new SuffixMatch(null, bestLen, List.copyOf(bestPaths));
    }

    static String[] components(String path) {
        return java.util.Arrays.stream(path.split("[/\\\\]+")).filter(s -> !s.isEmpty() && !s.equals(".")).toArray(String[]::new);
    }

    private static int commonSuffix(String[] want, Path have) {
        int n = 0;
        int i = want.length - 1;
        for (int k = have.getNameCount() - 1; k >= 0 && i >= 0; k--, i--) {
            if (!have.getName(k).toString().equals(want[i])) break;
            n++;
        }
        return n;
    }
}
