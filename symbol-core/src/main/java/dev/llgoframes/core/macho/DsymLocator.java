package dev.llgoframes.core.macho;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the DWARF file of a darwin executable: an explicit path (a {@code .dSYM} bundle or the
 * DWARF file inside it), else {@code <exe>.dSYM/Contents/Resources/DWARF/<exe name>} next to
 * the binary, as dsymutil lays it out.
 */
public final class DsymLocator {
    private DsymLocator() {}

    public static Optional<Path> locate(Path executable, Optional<Path> explicit) {
        if (explicit.isPresent()) {
            Path p = explicit.get();
            if (Files.isDirectory(p)) {
                return inBundle(p, executable.getFileName().toString());
            }
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        Path name = executable.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        return inBundle(executable.resolveSibling(name + ".dSYM"), name.toString());
    }

    private static Optional<Path> inBundle(Path bundle, String exeName) {
        Path dwarf = bundle.resolve("Contents").resolve("Resources").resolve("DWARF");
        Path exact = dwarf.resolve(exeName);
        if (Files.isRegularFile(exact)) {
            return Optional.of(exact);
        }
        // a renamed executable keeps the bundle's original file name: take the only file there
        try (var files = Files.list(dwarf)) {
            var all = files.filter(Files::isRegularFile).limit(2).toList();
            return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
