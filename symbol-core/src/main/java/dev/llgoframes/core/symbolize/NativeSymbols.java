package dev.llgoframes.core.symbolize;

import dev.llgoframes.core.funcinfo.Names;
import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.ImageSymbol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Function symbols of the image (.symtab, or .dynsym when stripped) with their sizes, so a pc
 * inside a C function gets that function's name instead of the Go function LLGo would print.
 */
public final class NativeSymbols {
    private final long[] starts;
    private final long[] sizes;
    private final String[] names;
    private final Map<String, Long> byName = new HashMap<>();

    /** An image's functions by name: its symbol table, or what the dynamic one exports when stripped. */
    public static NativeSymbols of(BinaryImage image) {
        return new NativeSymbols(image.hasStaticSymbols() ? image.staticSymbols() : image.dynamicSymbols());
    }

    public NativeSymbols(List<ImageSymbol> symbols) {
        List<ImageSymbol> funcs = new ArrayList<>();
        for (ImageSymbol s : symbols) {
            if (s.type() == ImageSymbol.Type.FUNC && s.isDefined() && !s.isAbsolute() && s.value() != 0
                    && !s.name().isEmpty() && !Names.isPcsiteLabel(s.name())) {
                funcs.add(s);
                byName.putIfAbsent(s.name(), s.value());
            }
        }
        // Prefer global names when two symbols share a start (aliases).
        funcs.sort(Comparator.comparing(ImageSymbol::value, Long::compareUnsigned)
                .thenComparing(s -> s.binding() == ImageSymbol.Binding.LOCAL ? 1 : 0));
        List<ImageSymbol> unique = new ArrayList<>();
        for (ImageSymbol s : funcs) {
            if (unique.isEmpty() || unique.get(unique.size() - 1).value() != s.value()) {
                unique.add(s);
            }
        }
        starts = new long[unique.size()];
        sizes = new long[unique.size()];
        names = new String[unique.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = unique.get(i).value();
            sizes[i] = unique.get(i).size();
            names[i] = unique.get(i).name();
        }
    }

    /** A named function range. */
    public record Function(String name, long start, long size) {}

    /** The function whose [start, start+size) holds pc (a size-0 symbol only at its start). */
    public Optional<Function> containing(long pc) {
        int best = dev.llgoframes.core.resolve.UnsignedSearch.lastAtOrBelow(starts, pc);
        if (best < 0) {
            return Optional.empty();
        }
        long rel = pc - starts[best];
        if ((sizes[best] == 0 && rel == 0) || Long.compareUnsigned(rel, sizes[best]) < 0) {
            return Optional.of(new Function(names[best], starts[best], sizes[best]));
        }
        return Optional.empty();
    }

    public long addressOf(String name) {
        Long v = byName.get(name);
        return v == null ? 0 : v;
    }

    public int size() { return starts.length; }

    public List<Function> all() {
        List<Function> out = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            out.add(new Function(names[i], starts[i], sizes[i]));
        }
        return out;
    }
}
