package dev.llgoframes.core.image;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An executable file read into memory, independent of its container format, so the table
 * readers work the same on ELF and (later) Mach-O.
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

    /** Static symbol table (.symtab); empty when stripped. */
    List<ImageSymbol> staticSymbols();

    /** Dynamic symbol table (.dynsym); what glibc's dladdr/dlsym see. */
    List<ImageSymbol> dynamicSymbols();

    boolean hasStaticSymbols();

    /** Lowest address of a loadable segment with file bytes (§4.2). */
    long imageBase();

    /** Range of the main text section. */
    Optional<ImageSection> textSection();

    /** The whole file. */
    ByteSlice file();

    /** Bytes of a section's file data (empty for NOBITS). */
    ByteSlice sectionData(ImageSection section) throws BinaryFormatException;

    /**
     * Bytes at a virtual address, as the loader would map them: file bytes, or zeros past a
     * segment's file size (compacted carriers rely on that).
     */
    ByteSlice readMemory(long address, long length, String structure) throws BinaryFormatException;

    /**
     * The value of an 8-byte pointer slot as it holds at run time before any slide: the word
     * itself, or the RELATIVE relocation addend where the linker left the slot 0 (§3.7.5).
     */
    long readPointer(long address, String structure) throws BinaryFormatException;

    /** True if the image carries a DWARF line table. */
    boolean hasDwarfLines();
}
