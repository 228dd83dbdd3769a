package dev.llgoframes.core.sidecar;

import dev.llgoframes.core.funcinfo.FuncInfoTables;
import dev.llgoframes.core.funcinfo.Fnv;
import dev.llgoframes.core.funcinfo.Site;
import dev.llgoframes.core.funcinfo.SiteReader;
import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.Goos;
import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.image.LlgoSection;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Loads {@code <exe>.pclntab} and applies the runtime's full validation list (§5.6), in its order. */
public final class SidecarReader {
    public static final long MAGIC = 0x314C43504F474C4CL;   // "LLGOPCL1"
    public static final int HEADER = 256;
    public static final long MAX_SIZE = 512L << 20;
    private static final int[] ELEMENT = {28, 24, 1, 4, 2, 16, 16, 16};
    private static final int[] ALIGN = {4, 8, 1, 4, 2, 8, 8, 8};
    private static final String[] NAMES = {"function records", "pcline records", "string pool", "string offsets",
        "hash", "symbol index", "entry sites", "pcline sites"};

    private SidecarReader() {}

    /**
     * The path the runtime would look at: the executable path plus ".pclntab" (§5.1). Linux reads
     * /proc/self/exe, so symlinks are resolved; Darwin's _NSGetExecutablePath is the path as launched.
     */
    public static Path sidecarPath(Path executable, Goos goos) {
        Path exe = executable;
        if (goos == Goos.LINUX) {
            try {
                exe = executable.toRealPath();
            } catch (IOException e) {
                // keep the given path; the load below reports what is wrong
            }
        }
        return exe.resolveSibling(exe.getFileName() + ".pclntab");
    }

    /** {@link #sidecarPath(Path, Goos)} for a Linux executable. */
    public static Path sidecarPath(Path executable) {
        return sidecarPath(executable, Goos.LINUX);
    }

    /** The executable's 32-byte identity slot, if it has one. */
    public static Optional<byte[]> identityOf(BinaryImage image) throws BinaryFormatException {
        Optional<ImageSection> id = image.llgoSection(LlgoSection.IDENTITY);
        if (id.isEmpty() || id.get().size() != 32 || !id.get().fileBacked()) {
            return Optional.empty();
        }
        return Optional.of(image.sectionData(id.get()).bytes(0, 32));
    }

    public static SidecarResult load(BinaryImage image) {
        return load(image, sidecarPath(image.path(), image.goos()));
    }

    public static SidecarResult load(BinaryImage image, Path path) {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size < HEADER || size > MAX_SIZE) {
                return new SidecarResult.Corrupt(path, "size " + size + " outside [256, 512 MiB]");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new SidecarResult.Missing(path);
        } catch (IOException e) {
            return new SidecarResult.Corrupt(path, "cannot read: " + e.getMessage());
        }
        try {
            return parse(image, path, bytes);
        } catch (BinaryFormatException e) {
            return new SidecarResult.Corrupt(path, e.getMessage());
        }
    }

    static SidecarResult parse(BinaryImage image, Path path, byte[] bytes) throws BinaryFormatException {
        ByteSlice f = ByteSlice.of(bytes, path.toString(), "sidecar header");
        if (f.u64(0) != MAGIC) {
            return corrupt(path, "bad magic (expected LLGOPCL1)");
        }
        long version = f.u32(8);
        if (version != 4) {
            return corrupt(path, "format version " + version + " (only 4 is read by this runtime)");
        }
        if (f.u32(12) != HEADER) {
            return corrupt(path, "header size " + f.u32(12) + " (expected 256)");
        }
        if (f.u32(20) != 1) {
            return corrupt(path, "runtime ABI version " + f.u32(20) + " (expected 1)");
        }
        if (f.u8(16) != 8) {
            return corrupt(path, "pointer size " + f.u8(16) + " (expected 8)");
        }
        if (f.u8(17) != 1) {
            return corrupt(path, "not little-endian");
        }
        if (f.u8(18) != image.goos().sidecarCode()) {
            return corrupt(path, "GOOS code " + f.u8(18) + " does not match the " + image.goos().goos() + " executable");
        }
        if (f.u8(19) != image.arch().sidecarCode()) {
            return corrupt(path, "GOARCH code " + f.u8(19) + " does not match the " + image.arch().goArch() + " executable");
        }
        if (f.u64(24) != bytes.length) {
            return corrupt(path, "file-size field " + Long.toUnsignedString(f.u64(24)) + " but the file has " + bytes.length + " bytes");
        }
        byte[] identity = f.bytes(64, 32);
        Optional<byte[]> own = identityOf(image);
        if (own.isEmpty()) {
            return new SidecarResult.Stale(path, "the executable has no 32-byte identity section ("
                    + image.llgoSection(LlgoSection.IDENTITY).map(ImageSection::name).orElse("llgo_pclntab_id / __DATA,__llgo_pid") + ") to pair with");
        }
        if (!Arrays.equals(identity, own.get())) {
            return new SidecarResult.Stale(path, "identity " + HexFormat.of().formatHex(identity, 0, 8)
                    + "… does not match the executable's " + HexFormat.of().formatHex(own.get(), 0, 8) + "…");
        }
        long checksum = Fnv.fnv1a64(Arrays.copyOfRange(bytes, HEADER, bytes.length));
        if (checksum != f.u64(32)) {
            return corrupt(path, "payload checksum 0x" + Long.toHexString(checksum) + " != header 0x" + Long.toHexString(f.u64(32)));
        }
        long imageBase = f.u64(40);
        long textStart = f.u64(48);
        long textEnd = f.u64(56);
        long runtimeBase = image.imageBase();
        if (Long.compareUnsigned(textEnd, textStart) <= 0 || Long.compareUnsigned(runtimeBase + textEnd, runtimeBase) < 0) {
            return corrupt(path, "text range [0x" + Long.toHexString(textStart) + ", 0x" + Long.toHexString(textEnd) + ") is empty or overflows");
        }
        long[] off = new long[8];
        long[] cnt = new long[8];
        for (int i = 0; i < 8; i++) {
            off[i] = f.u64(96 + 16L * i);
            cnt[i] = f.u64(96 + 16L * i + 8);
            String what = "descriptor " + i + " (" + NAMES[i] + ")";
            if (off[i] < HEADER || Long.compareUnsigned(off[i], bytes.length) > 0) {
                return corrupt(path, what + " offset " + Long.toUnsignedString(off[i]) + " outside [256, file size]");
            }
            if (Long.compareUnsigned(cnt[i], (bytes.length - off[i]) / ELEMENT[i]) > 0) {
                return corrupt(path, what + ": " + Long.toUnsignedString(cnt[i]) + " elements do not fit");
            }
            if (i != 2 && off[i] % ALIGN[i] != 0) {
                return corrupt(path, what + " offset " + off[i] + " is not " + ALIGN[i] + "-aligned");
            }
        }
        for (int i = 0; i < 8; i++) {
            for (int j = i + 1; j < 8; j++) {
                long ei = off[i] + cnt[i] * ELEMENT[i];
                long ej = off[j] + cnt[j] * ELEMENT[j];
                if (cnt[i] > 0 && cnt[j] > 0 && off[i] < ej && off[j] < ei) {
                    return corrupt(path, NAMES[i] + " and " + NAMES[j] + " overlap");
                }
            }
        }
        long n = cnt[0];
        if (n < 1 || n > (1 << 20)) {
            return corrupt(path, n + " function records (need 1..2^20)");
        }
        if (cnt[3] < 1) {
            return corrupt(path, "no string offsets");
        }
        if (cnt[2] < 1 || cnt[2] > (1L << 30) || bytes[(int) (off[2] + cnt[2] - 1)] != 0) {
            return corrupt(path, "string pool of " + cnt[2] + " bytes is empty, too large or does not end with NUL");
        }
        if (cnt[1] > (1 << 22) || cnt[5] > n || cnt[6] > 16 * n || cnt[7] > (1 << 24)) {
            return corrupt(path, "table counts exceed the runtime limits");
        }
        ByteSlice pool = f.slice(off[2], cnt[2], "sidecar string pool");
        ByteSlice offsets = f.slice(off[3], 4 * cnt[3], "sidecar string offsets");
        for (long i = 0; i < cnt[3]; i++) {
            if (offsets.u32(4 * i) >= cnt[2]) {
                return corrupt(path, "string offset " + i + " points past the pool");
            }
        }
        ByteSlice recs = f.slice(off[0], 28 * n, "sidecar function records");
        for (long i = 0; i < n; i++) {
            for (int k = 0; k < 6; k++) {
                if (recs.u32(28 * i + 4L * k) >= cnt[3]) {
                    return corrupt(path, "function record " + (i + 1) + " has a string ID out of range");
                }
            }
        }
        long hashLen = cnt[4];
        if (hashLen != 0 && (Long.bitCount(hashLen) != 1 || hashLen > (1 << 22))) {
            return corrupt(path, "hash length " + hashLen + " is not a power of two ≤ 2^22");
        }
        ByteSlice hash = f.slice(off[4], 2 * hashLen, "sidecar hash");
        for (long i = 0; i < hashLen; i++) {
            if (hash.u16(2 * i) > n) {
                return corrupt(path, "hash slot " + i + " names record " + hash.u16(2 * i) + " > " + n);
            }
        }
        ByteSlice index = f.slice(off[5], 16 * cnt[5], "sidecar symbol index");
        long prev = 0;
        for (long i = 0; i < cnt[5]; i++) {
            long id = index.u64(16 * i);
            long k = index.u32(16 * i + 8);
            if (id == 0 || (i > 0 && Long.compareUnsigned(id, prev) <= 0) || k < 1 || k > n) {
                return corrupt(path, "symbol index entry " + i + " is zero, out of order or out of range");
            }
            prev = id;
        }
        ByteSlice pcl = f.slice(off[1], 24 * cnt[1], "sidecar pcline records");
        prev = 0;
        for (long i = 0; i < cnt[1]; i++) {
            long id = pcl.u64(24 * i);
            long k = pcl.u32(24 * i + 8);
            if (id == 0 || (i > 0 && Long.compareUnsigned(id, prev) <= 0) || k < 1 || k > n
                    || pcl.u32(24 * i + 12) >= cnt[3] || pcl.u32(24 * i + 16) >= cnt[3]) {
                return corrupt(path, "pcline record " + i + " is zero, out of order or out of range");
            }
            prev = id;
        }
        ByteSlice entry = f.slice(off[6], 16 * cnt[6], "sidecar entry sites");
        ByteSlice lines = f.slice(off[7], 16 * cnt[7], "sidecar pcline sites");
        for (ByteSlice sites : List.of(entry, lines)) {
            for (long i = 0; i < sites.length() / 16; i++) {
                long pcOff = sites.u64(16 * i);
                if (sites.u64(16 * i + 8) == 0 || Long.compareUnsigned(pcOff, textStart) < 0 || Long.compareUnsigned(pcOff, textEnd) >= 0) {
                    return corrupt(path, sites.structure() + " row " + i + " has a zero ID or lies outside the text range");
                }
            }
        }
        FuncInfoTables tables = FuncInfoTables.decode(recs, n, pool, offsets, cnt[3],
                hashLen == 0 ? null : hash, hashLen == 0 ? 0 : hashLen - 1, index, cnt[5], pcl, cnt[1]);
        List<Site> entrySites = SiteReader.readRelative(entry, cnt[6], runtimeBase);
        List<Site> pclineSites = SiteReader.readRelative(lines, cnt[7], runtimeBase);
        Sidecar s = new Sidecar(4, bytes.length, checksum, imageBase, textStart, textEnd, identity, tables, entrySites, pclineSites);
        return new SidecarResult.Loaded(path, s);
    }

    private static SidecarResult corrupt(Path path, String why) {
        return new SidecarResult.Corrupt(path, why);
    }
}
