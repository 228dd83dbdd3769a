package dev.llgoframes.core.resolve;

import dev.llgoframes.core.image.ImageSymbol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * glibc's dladdr/dlsym over the executable's dynamic symbols (§6.8): only exported, defined,
 * non-TLS, non-absolute symbols are visible; the highest start containing the address wins.
 */
public final class DynamicSymbols {
    /** dladdr's (dli_sname, dli_saddr). */
    public record Hit(String name, long address) {}

    private final long[] starts;
    private final long[] sizes;
    private final String[] names;
    private final Map<String, Long> byName = new HashMap<>();

    public DynamicSymbols(List<ImageSymbol> dynsym) {
        List<ImageSymbol> visible = new ArrayList<>();
        for (ImageSymbol s : dynsym) {
            if (s.isDefined() && !s.isAbsolute() && s.type() != ImageSymbol.Type.TLS && s.value() != 0
                    && (s.type() == ImageSymbol.Type.FUNC || s.type() == ImageSymbol.Type.OBJECT || s.type() == ImageSymbol.Type.NOTYPE)
                    && s.binding() != ImageSymbol.Binding.LOCAL && !s.name().isEmpty()) {
                visible.add(s);
                byName.putIfAbsent(s.name(), s.value());
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
