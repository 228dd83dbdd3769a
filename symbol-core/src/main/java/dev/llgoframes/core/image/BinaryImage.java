package dev.llgoframes.core.image;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An executable file read into memory, independent of its container format, so the table
 * readers work the same on ELF and Mach-O.
 */
public interface BinaryImage {
    Path path();

    /** Short display name for messages. */
    default String displayName() { return path().toString(); }

    String format();

    Arch arch();

    /** True for position-independent images whose pointer slots need relocation (ELF ET_DYN). */
    boolean isPositionIndependent();

    List<ImageSection> sections();

    Optional<ImageSection> section(String name);

    List<ImageSegment> loadSegments();

    /**
     * Static symbol table (.symtab, Mach-O nlist); empty when stripped. Names are spelled as the
     * compiler spelled them: the Mach-O reader removes the one leading C-mangling underscore.
     */
    List<ImageSymbol> staticSymbols();

    /**
     * What the platform's dladdr/dlsym see: .dynsym for glibc; for darwin every defined nlist
     * symbol (§6.8), names without the leading underscore.
     */
    List<ImageSymbol> dynamicSymbols();

    boolean hasStaticSymbols();

    /** Lowest address of a loadable segment with file bytes (§4.2). */
    long imageBase();

    /** Range of the main text section. */
    Optional<ImageSection> textSection();

    /** The whole file. */
    ByteSlice file();

    /** Bytes of a section's file data (empty for NOBITS). */
    default ByteSlice sectionData(ImageSection section) throws BinaryFormatException {
        return LoadedMemory.section(file(), path().toString(), section);
    }

    /**
     * Bytes at a virtual address, as the loader would map them: file bytes, or zeros past a
     * segment's file size (compacted carriers rely on that).
     */
    default ByteSlice readMemory(long address, long length, String structure) throws BinaryFormatException {
        return LoadedMemory.read(file(), loadSegments(), path().toString(), address, length, structure);
    }

    /**
     * The value of an 8-byte pointer slot as it holds at run time before any slide: the word
     * itself, or the RELATIVE relocation addend where the linker left the slot 0 (§3.7.5).
     */
    default long readPointer(long address, String structure) throws BinaryFormatException {
        return decodeSlot(address, readMemory(address, 8, structure).u64(0));
    }

    /** True if the image (or its separate debug file) carries a DWARF line table. */
    boolean hasDwarfLines();

    /** The OS whose loader maps this image (ELF: linux; Mach-O: darwin). */
    default Goos goos() { return Goos.LINUX; }

    /** One of LLGo's sections, under the name this container format gives it (§3.7.2). */
    default Optional<ImageSection> llgoSection(LlgoSection which) { return section(which.elfName()); }

    /**
     * Decodes an 8-byte pointer slot at {@code address} whose file bytes are {@code word}: the
     * word itself, or what the loader would store there before any slide (ELF RELATIVE addend,
     * Mach-O chained-fixup rebase/bind).
     */
    default long decodeSlot(long address, long word) throws BinaryFormatException { return word; }

    /** A DWARF section by its ELF name (".debug_line"), looked up where this format keeps DWARF. */
    default Optional<ImageSection> debugSection(String elfName) { return section(elfName); }

    /** The image that holds this image's DWARF: itself, or a separate file (Mach-O dSYM). */
    default BinaryImage debugImage() { return this; }

    /** Format-specific facts for inspect (slices, UUID, fixups, debug file), one line each. */
    default List<String> details() { return List.of(); }
}
