package dev.llgoframes.core.macho;

import dev.llgoframes.core.image.ImageSymbol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * nlist entries as {@link ImageSymbol}s. Mach-O has neither sizes nor FUNC/OBJECT types, so a
 * symbol in an instruction section is FUNC, any other section symbol OBJECT, and its size is the
 * distance to the next distinct symbol address in the same section (last: the section end),
 * as LLGo's post-link tool measures text symbols (§4.2).
 */
final class MachOSymbols {
    static final int SHN_ABS = 0xfff1;

    private MachOSymbols() {}

    static List<ImageSymbol> convert(List<NlistEntry> nlist, List<MachOSection> sections) {
        Map<Integer, TreeMap<Long, Boolean>> starts = new HashMap<>();
        for (NlistEntry e : nlist) {
            if (e.isDefinedInSection() && !e.rawName().isEmpty()) {
                starts.computeIfAbsent(e.sectionOrdinal(), k -> new TreeMap<>(Long::compareUnsigned)).put(e.value(), true);
            }
        }
        List<ImageSymbol> out = new ArrayList<>();
        for (NlistEntry e : nlist) {
            if (e.isStab() || e.rawName().isEmpty()) {
                continue;
            }
            ImageSymbol.Binding binding = !e.isExternal() ? ImageSymbol.Binding.LOCAL
                    : e.isWeakDefinition() ? ImageSymbol.Binding.WEAK : ImageSymbol.Binding.GLOBAL;
            if (e.isAbsolute()) {
                out.add(new ImageSymbol(e.name(), e.value(), 0, ImageSymbol.Type.NOTYPE, binding, SHN_ABS));
                continue;
            }
            if (!e.isDefinedInSection()) {
                out.add(new ImageSymbol(e.name(), 0, 0, ImageSymbol.Type.NOTYPE, binding, 0));
                continue;
            }
            MachOSection sec = sections.get(e.sectionOrdinal() - 1);
            Long next = starts.get(e.sectionOrdinal()).higherKey(e.value());
            long end = next != null ? next : sec.address() + sec.size();
            long size = Long.compareUnsigned(end, e.value()) > 0 ? end - e.value() : 0;
            ImageSymbol.Type type = sec.hasInstructions() ? ImageSymbol.Type.FUNC : ImageSymbol.Type.OBJECT;
            out.add(new ImageSymbol(e.name(), e.value(), size, type, binding, e.sectionOrdinal()));
        }
        return out;
    }

    /** dyld's dladdr view (§6.8): every defined section symbol, local ones included. */
    static List<ImageSymbol> dladdrView(List<ImageSymbol> all) {
        List<ImageSymbol> out = new ArrayList<>();
        for (ImageSymbol s : all) {
            if (s.isDefined() && !s.isAbsolute()) {
                out.add(s);
            }
        }
        return out;
    }
}
