package dev.llgoframes.core.macho;

import dev.llgoframes.core.symbolize.TableMode;
import dev.llgoframes.fixtures.macho.MachOArch;
import dev.llgoframes.fixtures.macho.MachOFixture;
import dev.llgoframes.fixtures.macho.MachOMode;
import dev.llgoframes.fixtures.macho.MachOOptions;
import dev.llgoframes.fixtures.macho.MachOProgram;
import dev.llgoframes.fixtures.macho.MachOWriter;

import java.nio.file.Path;
import java.util.List;

/** The Java-written Mach-O fixture variants every reader path is tested on. */
final class MachOVariants {
    record Variant(String name, MachOOptions options, TableMode mode) {
        MachOFixture build() {
            return MachOWriter.write(MachOProgram.standard(), options);
        }

        Path writeTo(Path dir) {
            return build().writeTo(dir.resolve(name), "prog");
        }

        @Override
        public String toString() { return name; }
    }

    private MachOVariants() {}

    static List<Variant> all() {
        MachOOptions raw = MachOOptions.defaults(MachOMode.RAW);
        MachOOptions pre = MachOOptions.defaults(MachOMode.PREBUILT);
        MachOOptions lto = MachOOptions.defaults(MachOMode.PREBUILT_LTO);
        return List.of(
                new Variant("raw-arm64-fmt6", raw, TableMode.EMBEDDED_RAW),
                new Variant("raw-x86_64-fmt2-imports2", raw.withArch(MachOArch.X86_64).withPointerFormat(2).withImportsFormat(2), TableMode.EMBEDDED_RAW),
                new Variant("raw-arm64-fmt2-imports3", raw.withPointerFormat(2).withImportsFormat(3), TableMode.EMBEDDED_RAW),
                new Variant("raw-no-binds", raw.withBinds(false, false), TableMode.EMBEDDED_RAW),
                new Variant("prebuilt-arm64-fmt6", pre, TableMode.EMBEDDED_PREBUILT),
                new Variant("prebuilt-x86_64-fmt2", pre.withArch(MachOArch.X86_64).withPointerFormat(2), TableMode.EMBEDDED_PREBUILT),
                new Variant("lto-arm64-fmt6", lto, TableMode.EMBEDDED_PREBUILT),
                new Variant("lto-x86_64-fmt2", lto.withArch(MachOArch.X86_64).withPointerFormat(2), TableMode.EMBEDDED_PREBUILT),
                new Variant("external-arm64", MachOOptions.defaults(MachOMode.EXTERNAL), TableMode.EXTERNAL),
                new Variant("external-x86_64-fmt2", MachOOptions.defaults(MachOMode.EXTERNAL).withArch(MachOArch.X86_64).withPointerFormat(2), TableMode.EXTERNAL),
                new Variant("dwarf-no-sites", MachOOptions.defaults(MachOMode.DWARF_NO_SITES).withDsym(true), TableMode.EMBEDDED_NO_SITES));
    }
}
