package dev.llgoframes.core.image;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Choices when opening an executable: the architecture slice of a universal (fat) Mach-O file
 * (default: the first 64-bit slice we can read, independent of the host), and an explicit dSYM
 * bundle or DWARF file for Mach-O (default: {@code <exe>.dSYM} next to the binary).
 */
public record OpenOptions(Optional<Arch> arch, Optional<Path> dsym) {
    public static OpenOptions defaults() {
        return new OpenOptions(Optional.empty(), Optional.empty());
    }

    public OpenOptions withArch(Arch a) {
        return new OpenOptions(Optional.of(a), dsym);
    }

    public OpenOptions withDsym(Path p) {
        return new OpenOptions(arch, Optional.of(p));
    }
}
