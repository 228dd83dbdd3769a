package dev.llgoframes.core.dwarf;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Section bytes as DWARF readers need them: SHF_COMPRESSED sections (gcc {@code -gz=zlib},
 * ld {@code --compress-debug-sections}) are inflated first. The declared size is capped, so a
 * small hostile section cannot make us allocate gigabytes.
 */
public final class DebugSections {
    public static final long SHF_COMPRESSED = 0x800;
    public static final int ELFCOMPRESS_ZLIB = 1;
    public static final int ELFCOMPRESS_ZSTD = 2;
    /** Output may be at most this many times the compressed size (zlib tops out near 1032x). */
    public static final int MAX_RATIO = 64;
    public static final long MAX_OUTPUT = 1L << 30;

    private DebugSections() {}

    /**
     * The section's bytes, inflated if {@code shFlags} has SHF_COMPRESSED.
     *
     * @param fileOffset where the raw section starts in the file (for error messages)
     * @param elf64 whether the file is ELFCLASS64 (selects Elf64_Chdr or Elf32_Chdr)
     */
    public static ByteSlice sectionData(String file, String sectionName, byte[] raw, long fileOffset, long shFlags,
            boolean elf64) throws BinaryFormatException {
        ByteSlice slice = ByteSlice.of(raw, fileOffset, file, sectionName);
        return (shFlags & SHF_COMPRESSED) != 0 ? decompress(slice, elf64) : slice;
    }

    /**
     * Inflates a section that starts with an ELF compression header. Offsets in the result are
     * relative to the start of the uncompressed section.
     */
    public static ByteSlice decompress(ByteSlice section, boolean elf64) throws BinaryFormatException {
        long type = section.u32(0);
        long size;
        int headerSize;
        if (elf64) {
            size = section.u64(8);
            headerSize = 24;
        } else {
            size = section.u32(4);
            headerSize = 12;
        }
        if (type == ELFCOMPRESS_ZSTD) {
            throw section.error(0, "zstd-compressed sections are not supported (ch_type 2)");
        }
        if (type != ELFCOMPRESS_ZLIB) {
            throw section.error(0, "unknown compression type ch_type " + type);
        }
        long compressedLength = section.length() - headerSize;
        if (compressedLength < 0) {
            throw section.error(0, "shorter than its " + headerSize + "-byte compression header");
        }
        long cap = Math.min(MAX_OUTPUT, MAX_RATIO * Math.max(compressedLength, 1));
        if (size < 0 || size > cap) {
            throw section.error(0, "declared uncompressed size " + Long.toUnsignedString(size) + " exceeds the limit of "
                    + cap + " bytes for " + compressedLength + " compressed bytes");
        }
        byte[] out = new byte[(int) size];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(section.bytes(headerSize, compressedLength));
            int filled = 0;
            while (filled < out.length) {
                int n = inflater.inflate(out, filled, out.length - filled);
                if (n == 0) {
                    break;   // finished early, out of input, or wants a dictionary: all short
                }
                filled += n;
            }
            if (filled < out.length) {
                throw section.error(headerSize, "zlib stream ends after " + filled + " of the declared " + size
                        + " bytes");
            }
            // One more call lets the inflater consume the stream end and check the Adler-32.
            if (!inflater.finished() && inflater.inflate(new byte[1]) > 0) {
                throw section.error(headerSize, "zlib stream holds more than the declared " + size + " bytes");
            }
            if (!inflater.finished()) {
                throw section.error(headerSize, "zlib stream is cut short before its end and checksum");
            }
        } catch (DataFormatException e) {
            throw new BinaryFormatException(section.file(), section.structure(), section.fileOffset() + headerSize,
                    "bad zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return ByteSlice.of(out, 0, section.file(), section.structure() + " (uncompressed; offsets within section)");
    }
}
