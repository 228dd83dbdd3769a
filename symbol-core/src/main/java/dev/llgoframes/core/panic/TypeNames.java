package dev.llgoframes.core.panic;

import dev.llgoframes.core.image.ImageSymbol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Go type names of type descriptors by address. Guess (not in the spec): LLGo emits each type
 * descriptor as a data symbol {@code _llgo_<type string>} (e.g. {@code _llgo_string},
 * {@code _llgo_main.T}), and an interface's type word points at it.
 */
public final class TypeNames {
    static final String PREFIX = "_llgo_";
    private final Map<Long, String> byAddress;
    private final long slide;

    private TypeNames(Map<Long, String> byAddress, long slide) {
        this.byAddress = byAddress;
        this.slide = slide;
    }

    public static TypeNames of(List<ImageSymbol> symbols, long slide) {
        Map<Long, String> m = new HashMap<>();
        for (ImageSymbol s : symbols) {
            if (s.type() == ImageSymbol.Type.OBJECT && s.isDefined() && s.name().startsWith(PREFIX) && s.value() != 0) {
                m.putIfAbsent(s.value(), s.name().substring(PREFIX.length()));
            }
        }
        return new TypeNames(m, slide);
    }

    public static TypeNames none() {
        return new TypeNames(Map.of(), 0);
    }

    /** The Go type at a run-time type-word address. */
    public Optional<String> nameOf(long typeWord) {
        return Optional.ofNullable(byAddress.get(typeWord - slide));
    }
}
