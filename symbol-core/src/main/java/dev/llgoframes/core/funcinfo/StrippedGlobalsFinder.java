package dev.llgoframes.core.funcinfo;

import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.ImageSection;
import dev.llgoframes.core.image.LlgoSection;
import dev.llgoframes.core.io.BinaryFormatException;
import dev.llgoframes.core.io.ByteSlice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recovers the §3.1 globals of an image without .symtab by structure (§3.8 "Stripped ELF
 * images"): the site-section addresses anchor the block of globals in writable data, and each
 * (pointer, count) pair is identified by checking the array it describes. Counts are only taken
 * from words that are really there, never guessed.
 */
public final class StrippedGlobalsFinder {
    private static final int WINDOW = 24;   // words either side of the anchors

    private final BinaryImage image;

    private StrippedGlobalsFinder(BinaryImage image) {
        this.image = image;
    }

    public static Optional<TableGlobals> find(BinaryImage image) throws BinaryFormatException {
        return new StrippedGlobalsFinder(image).run();
    }

    private Optional<TableGlobals> run() throws BinaryFormatException {
        Optional<ImageSection> pcl = image.llgoSection(LlgoSection.PCLINE_SITES);
        Optional<ImageSection> ent = image.llgoSection(LlgoSection.ENTRY_SITES);
        if (pcl.isEmpty() && ent.isEmpty()) {
            return Optional.empty();
        }
        for (ImageSection data : image.sections()) {
            if (!data.isWritable() || !data.isAllocated() || !data.fileBacked() || data.size() < 16
                    || data.name().startsWith("llgo_") || data.name().contains(",__llgo_")) {
                continue;
            }
            ByteSlice words = image.sectionData(data);
            long n = words.length() / 8;
            long pclAt = -1;
            long entAt = -1;
            // A bound pair is (start, end) with end > start. The pcline end often equals the entry
            // start (adjacent sections), so a start must also be followed by a larger word.
            for (long i = 0; i + 1 < n; i++) {
                long w = word(data, words, i);
                long next = word(data, words, i + 1);
                boolean pair = Long.compareUnsigned(next, w) > 0 && next - w <= (1L << 32);
                if (pcl.isPresent() && w == pcl.get().address() && pclAt < 0 && pair) {
                    pclAt = i;
                }
                if (ent.isPresent() && w == ent.get().address() && entAt < 0 && pair && i != pclAt + 1) {
                    entAt = i;
                }
            }
            if (pclAt < 0 && entAt < 0) {
                continue;
            }
            long lo = Math.max(0, Math.min(pclAt < 0 ? entAt : pclAt, entAt < 0 ? pclAt : entAt) - WINDOW);
            long hi = Math.min(n, Math.max(pclAt, entAt) + 2 + WINDOW);
            List<Long> pointers = new ArrayList<>();
            Set<Long> counts = new HashSet<>();
            for (long i = lo; i < hi; i++) {
                long w = word(data, words, i);
                if (readOnlySection(w).isPresent()) {
                    pointers.add(w);
                } else if (w > 0 && w <= (1L << 24)) {
                    counts.add(w);
                }
            }
            long pcsiteStart = pclAt < 0 ? 0 : word(data, words, pclAt);
            long pcsiteEnd = pclAt < 0 ? 0 : word(data, words, pclAt + 1);
            long entryStart = entAt < 0 ? 0 : word(data, words, entAt);
            long entryEnd = entAt < 0 ? 0 : word(data, words, entAt + 1);
            return Optional.of(identify(pointers, counts, pcsiteStart, pcsiteEnd, entryStart, entryEnd));
        }
        return Optional.empty();
    }

    /**
     * Word {@code i} of a data section as the loader leaves it (§3.7.5): a PIE's pointer slots are 0
     * in the file with the value in a RELATIVE relocation, Mach-O's hold chained-fixup encodings.
     */
    private long word(ImageSection data, ByteSlice words, long i) throws BinaryFormatException {
        return image.decodeSlot(data.address() + 8 * i, words.u64(8 * i));
    }

    private TableGlobals identify(List<Long> pointers, Set<Long> counts, long pcsiteStart, long pcsiteEnd,
                                  long entryStart, long entryEnd) throws BinaryFormatException {
        Set<Long> siteIds = new HashSet<>();
        if (pcsiteStart != 0 && pcsiteEnd > pcsiteStart && (pcsiteEnd - pcsiteStart) % 16 == 0) {
            for (Site s : SiteReader.read(image, pcsiteStart, pcsiteEnd, "pcline sites")) {
                if (s.isLive()) {
                    siteIds.add(s.id());
                }
            }
        }
        long pclineTable = 0;
        long pclineCount = 0;
        for (long p : pointers) {
            for (long c : counts) {
                if (c > pclineCount && isPclineTable(p, c, siteIds)) {
                    pclineTable = p;
                    pclineCount = c;
                }
            }
        }
        // Strings: words after the offset array can pass as offsets too. LLGo numbers its strings by
        // length, longest first (§3.3), which garbage past the array rarely keeps: the largest count
        // in that order wins, else the largest that validates.
        long offsets = 0;
        long stringCount = 0;
        long pool = 0;
        boolean ordered = false;
        for (long q : pointers) {
            for (long c : counts) {
                if (c <= (ordered ? stringCount : 0) || !isOffsets(q, c)) {
                    continue;
                }
                ByteSlice offs = image.readMemory(q, c * 4, "structural offsets candidate");
                for (long p : pointers) {
                    if (p == q || !isPool(p, offs, c)) {
                        continue;
                    }
                    boolean byLength = longestFirst(p, offs, c);
                    if (better(byLength, c, ordered, stringCount)) {
                        offsets = q;
                        stringCount = c;
                        pool = p;
                        ordered = byLength;
                    }
                }
            }
        }
        // Records: the rows after the last record may pass as records too (a count word nearby that
        // is a little too large still validates). The hash pins N down: its non-zero slots are
        // exactly 1..N. Without a hash (N > 65535, §3.4) the largest count that validates is taken.
        long table = 0;
        long count = 0;
        boolean confirmed = false;
        if (stringCount > 0) {
            for (long r : pointers) {
                for (long c : counts) {
                    if (!isRecords(r, c, stringCount)) {
                        continue;
                    }
                    boolean byHash = hashConfirms(pointers, counts, c);
                    if (better(byHash, c, confirmed, count)) {
                        table = r;
                        count = c;
                        confirmed = byHash;
                    }
                }
            }
        }
        long index = 0;
        long indexCount = 0;
        long hash = 0;
        long mask = 0;
        if (count > 0) {
            for (long s : pointers) {
                for (long c : counts) {
                    if (c > indexCount && c <= count && isSymbolIndex(s, c, count)) {
                        index = s;
                        indexCount = c;
                    }
                    if (Long.bitCount(c + 1) == 1 && c > mask && isHash(s, c, count)) {
                        hash = s;
                        mask = c;
                    }
                }
            }
        }
        return new TableGlobals(table, count, pool, offsets, stringCount, hash, mask, index, indexCount,
                entryStart, entryEnd, pclineTable, pclineCount, pcsiteStart, pcsiteEnd, 1,
                TableGlobals.Source.STRUCTURAL);
    }

    private Optional<ImageSection> readOnlySection(long addr) {
        for (ImageSection s : image.sections()) {
            if (s.isAllocated() && !s.isWritable() && !s.isExecutable() && s.fileBacked() && s.contains(addr)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private Optional<ByteSlice> array(long addr, long count, long elem) throws BinaryFormatException {
        Optional<ImageSection> s = readOnlySection(addr);
        if (s.isEmpty() || count <= 0 || count > s.get().end() - addr || count * elem > s.get().end() - addr) {
            return Optional.empty();
        }
        return Optional.of(image.readMemory(addr, count * elem, "structural candidate"));
    }

    private boolean isPclineTable(long p, long c, Set<Long> siteIds) throws BinaryFormatException {
        Optional<ByteSlice> a = array(p, c, 24);
        if (a.isEmpty()) {
            return false;
        }
        Set<Long> ids = new HashSet<>();
        long prev = 0;
        for (long i = 0; i < c; i++) {
            long id = a.get().u64(24 * i);
            if (id == 0 || (i > 0 && Long.compareUnsigned(id, prev) <= 0)) {
                return false;
            }
            prev = id;
            ids.add(id);
        }
        return ids.containsAll(siteIds);
    }

    private boolean isOffsets(long q, long c) throws BinaryFormatException {
        Optional<ByteSlice> a = array(q, c, 4);
        return a.isPresent() && a.get().u32(0) == 0;
    }

    /** A pool candidate read once: its length and the offset of its last NUL (-1 if none). */
    private record PoolCandidate(long length, long lastNul, boolean startsWithNul) {}

    private final java.util.Map<Long, Optional<PoolCandidate>> pools = new java.util.HashMap<>();

    /**
     * Candidate pools are tried for every (offsets, count) pair, so each is read and scanned
     * once: "a NUL at or after off" is "off ≤ the last NUL". Copying the rest of the section and
     * rescanning it per string made a hostile window of words cost (words³ × section size).
     */
    private Optional<PoolCandidate> pool(long p) throws BinaryFormatException {
        Optional<PoolCandidate> known = pools.get(p);
        if (known != null) {
            return known;
        }
        Optional<ImageSection> s = readOnlySection(p);
        Optional<PoolCandidate> c = Optional.empty();
        if (s.isPresent()) {
            ByteSlice pool = image.readMemory(p, s.get().end() - p, "structural pool candidate");
            long last = -1;
            for (long i = pool.length() - 1; i >= 0; i--) {
                if (pool.u8(i) == 0) {
                    last = i;
                    break;
                }
            }
            c = Optional.of(new PoolCandidate(pool.length(), last, pool.length() > 0 && pool.u8(0) == 0));
        }
        pools.put(p, c);
        return c;
    }

    private boolean isPool(long p, ByteSlice offs, long c) throws BinaryFormatException {
        Optional<PoolCandidate> pool = pool(p);
        if (pool.isEmpty() || !pool.get().startsWithNul()) {
            return false;
        }
        for (long i = 0; i < c; i++) {
            long off = offs.u32(4 * i);
            if (off >= pool.get().length() || off > pool.get().lastNul()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a count {@code c} that validates beats the best so far: a confirmed count (by a second
     * structure) beats every unconfirmed one, and among equals the larger wins.
     */
    private static boolean better(boolean confirmed, long c, boolean bestConfirmed, long best) {
        return confirmed != bestConfirmed ? confirmed : c > best;
    }

    /** Strings 1..c-1 in LLGo's order: lengths never grow (§3.3 build rule). */
    private boolean longestFirst(long p, ByteSlice offs, long c) throws BinaryFormatException {
        Optional<PoolCandidate> pc = pool(p);
        if (pc.isEmpty()) {
            return false;
        }
        ByteSlice bytes = image.readMemory(p, pc.get().length(), "structural pool candidate");
        long previous = Long.MAX_VALUE;
        for (long i = 1; i < c; i++) {
            long len = bytes.cString(offs.u32(4 * i)).length();
            if (len > previous) {
                return false;
            }
            previous = len;
        }
        return true;
    }

    private boolean isRecords(long r, long c, long stringCount) throws BinaryFormatException {
        Optional<ByteSlice> a = array(r, c, 28);
        if (a.isEmpty()) {
            return false;
        }
        for (long i = 0; i < c; i++) {
            for (int f = 0; f < 6; f++) {
                if (a.get().u32(28 * i + 4L * f) >= stringCount) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean isSymbolIndex(long s, long c, long n) throws BinaryFormatException {
        Optional<ByteSlice> a = array(s, c, 16);
        if (a.isEmpty()) {
            return false;
        }
        long prev = 0;
        for (long i = 0; i < c; i++) {
            long id = a.get().u64(16 * i);
            long k = a.get().u32(16 * i + 8);
            if (id == 0 || (i > 0 && Long.compareUnsigned(id, prev) <= 0) || k < 1 || k > n || a.get().u32(16 * i + 12) != 0) {
                return false;
            }
            prev = id;
        }
        return true;
    }

    private boolean hashConfirms(List<Long> pointers, Set<Long> counts, long n) throws BinaryFormatException {
        for (long h : pointers) {
            for (long mask : counts) {
                if (Long.bitCount(mask + 1) == 1 && 3 * (mask + 1) >= 4 * n && isHash(h, mask, n)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isHash(long h, long mask, long n) throws BinaryFormatException {
        Optional<ByteSlice> a = array(h, mask + 1, 2);
        if (a.isEmpty()) {
            return false;
        }
        boolean[] seen = new boolean[(int) n + 1];
        long distinct = 0;
        for (long i = 0; i <= mask; i++) {
            int v = a.get().u16(2 * i);
            if (v == 0) {
                continue;
            }
            if (v > n || seen[v]) {
                return false;
            }
            seen[v] = true;
            distinct++;
        }
        return distinct == n;
    }
}
