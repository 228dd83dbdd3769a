package dev.llgoframes.core.dwarf;

import static org.junit.jupiter.api.Assertions.fail;

import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.fornwall.jelf.ElfFile;
import net.fornwall.jelf.ElfSection;

/**
 * Compiles the C sources under test resources {@code dwarf/} with the system gcc and runs the
 * binutils that serve as the reference. A missing tool fails the test: these tests must not
 * pass by skipping.
 */
final class NativeBuild {
    static final String[] SOURCES = {"main.c", "util.h", "lib/util.c"};

    private NativeBuild() {}

    /** Copies the sources into {@code dir} and links {@code out} with the given flags. */
    static Path compile(Path dir, String out, String... flags) throws IOException, InterruptedException {
        requireTool("gcc");
        Path src = dir.toRealPath();
        for (String s : SOURCES) {
            Path target = src.resolve(s);
            Files.createDirectories(target.getParent());
            try (InputStream in = NativeBuild.class.getResourceAsStream("/dwarf/" + s)) {
                if (in == null) {
                    fail("test resource /dwarf/" + s + " is missing");
                }
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> cmd = new ArrayList<>(List.of("gcc"));
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of("-o", out, "main.c", "lib/util.c"));
        run(src, null, cmd);
        return src.resolve(out);
    }

    /**
     * Builds the LLGo-shaped LLVM IR module (Go file names, DWARF from LLVM's own line-table
     * writer, MD5 checksums) with llc and links it with gcc.
     */
    static Path compileLlvm(Path dir, String out, int dwarfVersion) throws IOException, InterruptedException {
        requireTool("llc");
        Path work = dir.toRealPath();
        String ir;
        try (InputStream in = NativeBuild.class.getResourceAsStream("/dwarf/llgo/hello.ll")) {
            if (in == null) {
                fail("test resource /dwarf/llgo/hello.ll is missing");
            }
            ir = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@VERSION@", Integer.toString(dwarfVersion));
        }
        Files.writeString(work.resolve(out + ".ll"), ir);
        run(work, null, List.of("llc", "-O0", "-filetype=obj", "-relocation-model=pic", "-o", out + ".o", out + ".ll"));
        run(work, null, List.of("gcc", "-o", out, out + ".o"));
        return work.resolve(out);
    }

    static void requireTool(String tool) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                fail(tool + " --version failed; these tests need gcc, binutils (readelf, addr2line), llc and llvm-addr2line");
            }
        } catch (IOException e) {
            fail(tool + " is not installed; these tests need gcc, binutils (readelf, addr2line), llc and llvm-addr2line: " + e.getMessage());
        }
    }

    /** Runs a command, feeding it {@code stdin}, and returns stdout; a non-zero exit fails the test. */
    static String run(Path dir, String stdin, List<String> cmd) throws IOException, InterruptedException {
        requireTool(cmd.get(0));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("PWD", dir.toString());
        Path err = Files.createTempFile("dwarf-test", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        try (OutputStream os = p.getOutputStream()) {
            if (stdin != null) {
                os.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", cmd) + " failed:\n" + Files.readString(err));
        }
        Files.deleteIfExists(err);
        return out;
    }

    /** The DWARF line sections of an ELF file, inflated when compressed. */
    record LineSections(ByteSlice debugLine, ByteSlice debugLineStr, ByteSlice debugStr, boolean anyCompressed) {
        DwarfLineTable parse(LineTableOptions options) throws BinaryFormatException {
            return DwarfLineTable.parse(debugLine.file(), debugLine, debugLineStr, debugStr, options);
        }
    }

    static LineSections sections(Path elf) throws Exception {
        ElfFile f = ElfFile.from(elf.toFile());
        boolean[] compressed = {false};
        ByteSlice line = section(f, elf, ".debug_line", compressed);
        if (line == null) {
            fail(elf + " has no .debug_line");
        }
        return new LineSections(line, section(f, elf, ".debug_line_str", compressed),
                section(f, elf, ".debug_str", compressed), compressed[0]);
    }

    private static ByteSlice section(ElfFile f, Path elf, String name, boolean[] compressed) throws Exception {
        ElfSection s = f.firstSectionByName(name);
        if (s == null) {
            return null;
        }
        compressed[0] |= (s.header.sh_flags & DebugSections.SHF_COMPRESSED) != 0;
        return DebugSections.sectionData(elf.toString(), name, s.getData(), s.header.sh_offset, s.header.sh_flags,
                !f.is32Bits());
    }
}
