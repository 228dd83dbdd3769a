package dev.llgoframes.core.trace;

import dev.llgoframes.core.panic.FrameSplicer;

/** Function-name facts shared by the views: LLGo runtime prefixes and LLGo → gc spelling (§2.1, §2.2). */
public final class GoNames {
    private GoNames() {}

    /** The runtime's package in LLGo's older layout (the clite dump of §9.4 names its Panic and Rethrow). */
    private static final String OLD_LAYOUT_RUNTIME = "github.com/goplus/llgo/internal/runtime.";

    /**
     * LLGo panic/fault machinery: what the runtime itself trims (§8.5, both module spellings), and
     * the runtime package of the older layout. Other LLGo packages (runtime/abi, c/…) are not.
     */
    public static boolean isLlgoMachinery(String name) {
        return FrameSplicer.isMachinery(name) || name != null && name.startsWith(OLD_LAYOUT_RUNTIME);
    }

    /** LLGo's goroutine-start wrapper {@code <pkg>._llgo_routine$<n>} (§2.1, R.12). */
    public static boolean isRoutineWrapper(String name) {
        return name != null && name.contains("._llgo_routine$");
    }

    /** Frames LLGo prints for a pc nothing can name, or glibc's name for NULL. */
    public static boolean isUnnamed(String name) {
        return name == null || name.isEmpty() || name.startsWith("pc=0x") || name.equals("(null)");
    }

    /** Best guess of a frame's kind from its name alone. */
    public static FrameKind kindOf(String name) {
        if (isUnnamed(name)) return FrameKind.C;
        if (name.equals("panic") || name.equals("runtime.gopanic")) return FrameKind.PANIC;
        if (isLlgoMachinery(name) || name.startsWith("runtime.")) return FrameKind.RUNTIME;
        // C symbols have no package qualifier; Go names always contain a dot.
        return name.indexOf('.') < 0 ? FrameKind.C : FrameKind.GO;
    }

    /**
     * gc's spelling of an LLGo function name: type arguments as {@code [...]}, {@code init#N} as
     * {@code init.N-1}, closures {@code f$1$2} (displayed {@code f$1.func2}) as {@code f.func1.2},
     * package-level literals {@code pkg.init$N} as {@code pkg.glob..funcN}, {@code $bound} as {@code -fm}.
     */
    public static String gcName(String name) {
        if (name == null || isUnnamed(name) || name.indexOf('.') < 0) return name;
        String s = typeArgs(name);
        s = fileInits(s);
        s = closures(s);
        return s;
    }

    static String typeArgs(String s) {
        if (s.indexOf('[') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                if (depth++ == 0) b.append("[...");
            } else if (c == ']') {
                if (--depth == 0) b.append(']');
                if (depth < 0) return s; // unbalanced: leave the name alone
            } else if (depth == 0) {
                b.append(c);
            }
        }
        return depth == 0 ? b.toString() : s;
    }

    static String fileInits(String s) {
        int k = s.indexOf(".init#");
        if (k < 0) return s;
        int p = k + ".init#".length(), q = p;
        while (q < s.length() && Text.isDigit(s.charAt(q))) q++;
        Integer n = Text.decimal(s, p, q);
        if (n == null || n < 1) return s;
        return s.substring(0, k) + ".init." + (n - 1) + s.substring(q);
    }

    static String closures(String s) {
        int dollar = s.indexOf('$');
        if (dollar < 0) {
            // LLGo displays a top-level package literal pkg.init$N as pkg.init.funcN; gc says pkg.glob..funcN.
            int k = s.lastIndexOf(".init.func");
            if (k > 0 && Text.allDigits(s, k + ".init.func".length(), s.length())) {
                return s.substring(0, k) + ".glob..func" + s.substring(k + ".init.func".length());
            }
            return s;
        }
        // Undo LLGo's display rewrite of the last component (f$1$2 is displayed f$1.func2).
        int k = s.lastIndexOf(".func");
        if (k > dollar && Text.allDigits(s, k + 5, s.length())) s = s.substring(0, k) + "$" + s.substring(k + 5);
        StringBuilder b = new StringBuilder(s.length() + 8);
        int nesting = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$') {
                int j = i + 1;
                while (j < s.length() && Text.isDigit(s.charAt(j))) j++;
                if (j > i + 1) {
                    boolean globalLiteral = nesting == 0 && b.length() >= 5 && b.toString().endsWith(".init")
                            && b.indexOf(".init.") < 0;
                    if (globalLiteral) {
                        b.setLength(b.length() - 5);
                        b.append(".glob..func");
                    } else {
                        b.append(nesting == 0 ? ".func" : ".");
                    }
                    b.append(s, i + 1, j);
                    nesting++;
                    i = j - 1;
                    continue;
                }
                if (s.startsWith("$bound", i)) {
                    b.append("-fm");
                    i += "$bound".length() - 1;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
