package dev.llgoframes.core.sidecar;

import dev.llgoframes.core.image.Goos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the runtime looks for the sidecar of an executable reached through a symlink (§5.1). */
class SidecarPathTest {
    @TempDir
    Path dir;

    @Test
    void linuxResolvesSymlinksDarwinKeepsThePathAsLaunched() throws Exception {
        Path real = Files.createDirectories(dir.resolve("build")).resolve("prog");
        Files.write(real, new byte[] {0x7f, 'E', 'L', 'F'});
        Path link = Files.createDirectories(dir.resolve("bin")).resolve("prog");
        Files.createSymbolicLink(link, real);

        // /proc/self/exe is the resolved file: the sidecar next to the real executable [R]
        assertEquals(real.toRealPath().resolveSibling("prog.pclntab"), SidecarReader.sidecarPath(link, Goos.LINUX));
        // _NSGetExecutablePath is the path as launched, not canonicalized
        assertEquals(dir.resolve("bin/prog.pclntab"), SidecarReader.sidecarPath(link, Goos.DARWIN));
        assertEquals(SidecarReader.sidecarPath(link, Goos.LINUX), SidecarReader.sidecarPath(link));
    }
}
