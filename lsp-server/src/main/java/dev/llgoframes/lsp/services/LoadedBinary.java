package dev.llgoframes.lsp.services;

import dev.llgoframes.core.sidecar.SidecarResult;
import dev.llgoframes.core.symbolize.LlgoBinary;
import dev.llgoframes.core.symbolize.Symbolizer;
import dev.llgoframes.core.symbolize.SymbolizerPcResolver;
import dev.llgoframes.core.trace.PcResolver;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An executable opened for symbolization, with the file stamp it was read at (to notice rebuilds).
 *
 * @param configured named by the {@code binaries} setting (preferred on equal match scores)
 */
public record LoadedBinary(Path path, FileStamp stamp, LlgoBinary binary, Symbolizer symbolizer, PcResolver resolver,
        boolean configured) {

    public static LoadedBinary of(Path path, FileStamp stamp, LlgoBinary binary, boolean configured) {
        Symbolizer s = Symbolizer.of(binary);
        return new LoadedBinary(path, stamp, binary, s, new SymbolizerPcResolver(s), configured);
    }

    public String name() { return path.getFileName() == null ? path.toString() : path.getFileName().toString(); }

    /** The sidecar outcome when LLGo's runtime would not use it (stale, corrupt, missing). */
    public Optional<SidecarResult> sidecarProblem() {
        return binary.configuration().sidecar().filter(r -> !(r instanceof SidecarResult.Loaded));
    }

    public String describe() {
        return path + " (" + binary.configuration().mode().name().toLowerCase().replace('_', ' ') + " tables"
                + (binary.configuration().dwarf() ? ", DWARF" : "") + ")";
    }
}
