package dev.llgoframes.cli;

import dev.llgoframes.core.image.OpenOptions;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.symbolize.LlgoBinary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a binary for a command, turning every failure into one line that names the file. */
final class BinaryLoader {
    private BinaryLoader() {}

    static LlgoBinary open(String arg) throws InputException {
        return open(arg, OpenOptions.defaults());
    }

    static LlgoBinary open(String arg, OpenOptions options) throws InputException {
        Path p = Path.of(arg);
        if (!Files.isRegularFile(p)) {
            throw new InputException(arg + ": " + (Files.exists(p) ? "not a regular file" : "no such file"));
        }
        try {
            return LlgoBinary.open(p, options);
        } catch (BinaryFormatException e) {
            throw new InputException(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new InputException(arg + ": no such file");
        } catch (IOException e) {
            throw new InputException(arg + ": cannot read: " + e.getMessage());
        }
    }
}
