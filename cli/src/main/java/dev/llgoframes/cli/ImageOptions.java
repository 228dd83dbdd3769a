package dev.llgoframes.cli;

import dev.llgoframes.core.image.Arch;
import dev.llgoframes.core.image.OpenOptions;

import java.nio.file.Path;

/** {@code --arch NAME} (universal Mach-O slice) and {@code --dsym PATH}, shared by the commands that open a binary. */
final class ImageOptions {
    private OpenOptions options = OpenOptions.defaults();

    /** Consumes an image option at {@code args[i]}; returns how many arguments it took (0 = not one). */
    int take(String[] args, int i) throws UsageException {
        String a = args[i];
        String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
        if (!name.equals("--arch") && !name.equals("--dsym")) {
            return 0;
        }
        String value;
        int used;
        if (a.contains("=")) {
            value = a.substring(a.indexOf('=') + 1);
            used = 1;
        } else if (i + 1 < args.length) {
            value = args[i + 1];
            used = 2;
        } else {
            throw new UsageException(name + " needs a value");
        }
        if (name.equals("--arch")) {
            options = options.withArch(arch(value));
        } else {
            options = options.withDsym(Path.of(value));
        }
        return used;
    }

    OpenOptions options() { return options; }

    private static Arch arch(String v) throws UsageException {
        return switch (v) {
            case "arm64", "aarch64" -> Arch.AARCH64;
            case "amd64", "x86_64", "x86-64" -> Arch.X86_64;
            default -> throw new UsageException("unknown architecture '" + v + "' (arm64 or x86_64)");
        };
    }
}
