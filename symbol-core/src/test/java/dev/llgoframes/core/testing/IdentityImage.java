package dev.llgoframes.core.testing;

import dev.llgoframes.core.image.Arch;
import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.image.ImageSegment;
import dev.llgoframes.core.image.ImageSymbol;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The smallest image that pairs with a sidecar: an image base and a 32-byte llgo_pclntab_id.
 * Used only to feed the spec's sidecar vector to the reader; real executables are tested
 * through the fixture toolchain.
 */
public final class IdentityImage implements BinaryImage {
    private final long base;
    private final byte[] identity;
    private final Arch arch;

    public IdentityImage(long base, byte[] identity, Arch arch) {
        this.base = base;
        this.identity = identity.clone();
        this.arch = arch;
    }

    private ImageSection idSection() {
        return new ImageSection(1, "llgo_pclntab_id", 1, 3, base + 0x3000, 32, 0, 8, 0, true);
    }

    @Override public Path path() { return Path.of("vector-image"); }
    @Override public String format() { return "test"; }
    @Override public Arch arch() { return arch; }
    @Override public boolean isPositionIndependent() { return false; }
    @Override public List<ImageSection> sections() { return List.of(idSection()); }
    @Override public Optional<ImageSection> section(String name) { return name.equals("llgo_pclntab_id") ? Optional.of(idSection()) : Optional.empty(); }
    @Override public List<ImageSegment> loadSegments() { return List.of(); }
    @Override public List<ImageSymbol> staticSymbols() { return List.of(); }
    @Override public List<ImageSymbol> dynamicSymbols() { return List.of(); }
    @Override public boolean hasStaticSymbols() { return false; }
    @Override public long imageBase() { return base; }
    @Override public Optional<ImageSection> textSection() { return Optional.empty(); }
    @Override public ByteSlice file() { return ByteSlice.of(identity, "vector-image", "file"); }
    @Override public ByteSlice sectionData(ImageSection s) { return ByteSlice.of(identity, "vector-image", s.name()); }
    @Override public ByteSlice readMemory(long a, long l, String s) throws BinaryFormatException {
        throw new BinaryFormatException("vector-image", s, -1, "no memory");
    }
    @Override public long readPointer(long a, String s) throws BinaryFormatException { return readMemory(a, 8, s).u64(0); }
    @Override public boolean hasDwarfLines() { return false; }
}
