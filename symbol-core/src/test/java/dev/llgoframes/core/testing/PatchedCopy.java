package dev.llgoframes.core.testing;

import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.image.ImageSymbol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A copy of a fixture executable with one little-endian word changed; the fixture stays as built. */
public final class PatchedCopy {
    private PatchedCopy() {}

    /** Writes {@code dir/prog}: {@code exe} with the {@code width}-byte word at {@code fileOffset} set to {@code value}. */
    public static Path write(Path exe, Path dir, long fileOffset, long value, int width) throws IOException {
        byte[] bytes = Files.readAllBytes(exe);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (width) {
            case 4 -> b.putInt(Math.toIntExact(fileOffset), (int) value);
            case 8 -> b.putLong(Math.toIntExact(fileOffset), value);
            default -> throw new IllegalArgumentException("width " + width);
        }
        Path out = dir.resolve("prog");
        Files.write(out, bytes);
        return out;
    }

    /** The same, for the 8-byte global named {@code global} in the image's symbol table. */
    public static Path withGlobal(BinaryImage image, Path exe, Path dir, String global, long value) throws IOException {
        ImageSymbol sym = image.staticSymbols().stream().filter(s -> s.name().equals(global)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no symbol " + global));
        ImageSection sec = image.sections().stream().filter(s -> s.fileBacked() && s.contains(sym.value())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(global + " is not in a file-backed section"));
        return write(exe, dir, sec.fileOffset() + sym.value() - sec.address(), value, 8);
    }
}
