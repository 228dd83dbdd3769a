package dev.llgoframes.lsp.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The directories a link may point into: workspace folders, GOROOT, the module cache and configured
 * roots. Checked on real paths (symlinks and {@code ..} resolved), so a trace cannot make the editor
 * open {@code /etc/shadow} through a crafted path or a link in the workspace.
 */
public final class AllowedRoots {
    private final List<Path> roots;

    public AllowedRoots(Collection<Path> candidates) {
        List<Path> r = new ArrayList<>();
        for (Path p : candidates) {
            if (p == null) continue;
            try {
                if (Files.isDirectory(p)) r.add(p.toRealPath());
            } catch (IOException | SecurityException e) {
                // a root that cannot be read contributes nothing
            }
        }
        this.roots = List.copyOf(r);
    }

    public List<Path> roots() { return roots; }

    /** The real path of {@code p} when it is an existing regular file under one of the roots. */
    public Optional<Path> admit(Path p) {
        try {
            if (!Files.isRegularFile(p)) return Optional.empty();
            Path real = p.toRealPath();
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
            for (Path root : roots) if (real.startsWith(root)) return Optional.of(real);
            return Optional.empty();
        } catch (IOException | SecurityException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    public boolean existsOutside(Path p) {
        try {
            return Files.isRegularFile(p) && admit(p).isEmpty();
        } catch (SecurityException e) {
            return false;
        }
    }
}
