package dev.llgoframes.core.image;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.macho.MachOImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens an executable by its magic: ELF, or Mach-O (thin or universal). */
public final class BinaryImages {
    private BinaryImages() {}

    public static BinaryImage open(Path path) throws BinaryFormatException, IOException {
        return open(path, OpenOptions.defaults());
    }

    public static BinaryImage open(Path path, OpenOptions options) throws BinaryFormatException, IOException {
        long size = Files.size(path);
        if (size > ElfImage.MAX_FILE_SIZE) {
            throw new BinaryFormatException(path.toString(), "file", -1, "file of " + size + " bytes is too large to read");
        }
        return parse(path, Files.readAllBytes(path), options);
    }

    public static BinaryImage parse(Path path, byte[] bytes, OpenOptions options) throws BinaryFormatException {
        if (MachOImage.isMachO(bytes)) {
            return MachOImage.parse(path, bytes, options);
        }
        if (options.arch().isPresent()) {
            // an ELF file has one architecture; a mismatch is an error, not a silent pick
            ElfImage elf = ElfImage.parse(path, bytes);
            if (elf.arch() != options.arch().get()) {
                throw new BinaryFormatException(path.toString(), "ELF header", 18, "is " + elf.arch().goArch()
                        + ", not the requested " + options.arch().get().goArch());
            }
            return elf;
        }
        return ElfImage.parse(path, bytes);
    }
}
