package dev.llgoframes.core.resolve;

import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.Goos;
import dev.llgoframes.core.image.ImageSymbol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's dladdr/dlsym over the executable's symbols (§6.8). glibc: only exported,
 * defined, non-TLS, non-absolute .dynsym entries; the highest start containing the address
 * wins (size-aware). darwin ({@link #darwin}): dyld consults the whole nlist table, local
 * symbols included, and answers the nearest symbol at or below the address without sizes;
 * dlsym still sees only exported symbols.
 */
public final class DynamicSymbols {
    /** dladdr's (dli_sname, dli_saddr). */
    public record Hit(String name, long address) {}

    private final long[] starts;
    private final long[] sizes;
    private final String[] names;
    private final Map<String, Long> byName = new HashMap<>();
    private final boolean nearestBelow;

    public DynamicSymbols(List<ImageSymbol> dynsym) {
        this(dynsym, false);
    }

    /** The view the image's own platform loader has. */
    public static DynamicSymbols forImage(BinaryImage image) {
        return image.goos() == Goos.DARWIN ? darwin(image.dynamicSymbols()) : new DynamicSymbols(image.dynamicSymbols());
    }

    /** dyld's view: every defined nlist symbol (names already without the underscore). */
    public static DynamicSymbols darwin(List<ImageSymbol> nlist) {
        return new DynamicSymbols(nlist, true);
    }

    private DynamicSymbols(List<ImageSymbol> dynsym, boolean darwin) {
        this.nearestBelow = darwin;
        List<ImageSymbol> visible = new ArrayList<>();
        for (ImageSymbol s : dynsym) {
            boolean kind = s.type() == ImageSymbol.Type.FUNC || s.type() == ImageSymbol.Type.OBJECT || s.type() == ImageSymbol.Type.NOTYPE;
            if (s.isDefined() && !s.isAbsolute() && s.type() != ImageSymbol.Type.TLS && s.value() != 0 && kind
                    && !s.name().isEmpty() && (darwin || s.binding() != ImageSymbol.Binding.LOCAL)) {
                visible.add(s);
                if (s.binding() != ImageSymbol.Binding.LOCAL) {
                    byName.putIfAbsent(s.name(), s.value());
                }
            }
        }
        visible.sort(Comparator.comparing(ImageSymbol::value, Long::compareUnsigned));
        starts = new long[visible.size()];
        sizes = new long[visible.size()];
        names = new String[visible.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = visible.get(i).value();
            sizes[i] = visible.get(i).size();
            names[i] = visible.get(i).name();
        }
    }

    public static DynamicSymbols empty() {
        return new DynamicSymbols(List.of());
    }

    public Optional<Hit> dladdr(long addr) {
        // walk down from the last start <= addr: the highest containing symbol wins
        int best = UnsignedSearch.lastAtOrBelow(starts, addr);
        if (nearestBelow) {
            return best < 0 ? Optional.empty() : Optional.of(new Hit(names[best], starts[best]));
        }
        for (int i = best; i >= 0 && i > best - 64; i--) {
            long rel = addr - starts[i];
            if ((sizes[i] == 0 && rel == 0) || (sizes[i] != 0 && Long.compareUnsigned(rel, sizes[i]) < 0)) {
                return Optional.of(new Hit(names[i], starts[i]));
            }
        }
        return Optional.empty();
    }

    public long dlsym(String name) {
        Long v = byName.get(name);
        return v == null ? 0 : v;
    }

    public int size() { return starts.length; }
}
