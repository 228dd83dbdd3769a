package dev.llgoframes.core.funcinfo;

import dev.llgoframes.core.image.BinaryImage;
import dev.llgoframes.core.image.ImageSymbol;
import dev.llgoframes.core.io.BinaryFormatException;

import java.util.HashMap;
import java.util.Map;

/** Finds the §3.1 globals through the static symbol table (LOCAL hidden ones included, §R correction 4). */
public final class GlobalsLocator {
    private GlobalsLocator() {}

    /** Values of the globals, or {@link TableGlobals#absent()} when the symbols are not there. */
    public static TableGlobals fromSymbols(BinaryImage image) throws BinaryFormatException {
        Map<String, ImageSymbol> byName = new HashMap<>();
        for (ImageSymbol s : image.staticSymbols()) {
            if (s.isDefined() && s.name().startsWith("__llgo_")) {
                byName.putIfAbsent(s.name(), s);
            }
        }
        if (!byName.containsKey("__llgo_funcinfo_table")) {
            return TableGlobals.absent();
        }
        long[] v = new long[TableGlobals.NAMES.length];
        for (int i = 0; i < v.length; i++) {
            ImageSymbol s = byName.get(TableGlobals.NAMES[i]);
            v[i] = s == null ? 0 : image.readPointer(s.value(), "global " + TableGlobals.NAMES[i]);
        }
        ImageSymbol fp = byName.get("__llgo_fp_chain");
        int fpChain = fp == null ? 0 : image.readMemory(fp.value(), 1, "global __llgo_fp_chain").u8(0);
        return TableGlobals.of(v, fpChain, TableGlobals.Source.SYMTAB);
    }
}
