package dev.llgoframes.lsp.services;

/** Facts about printed Go function names that the hover needs and the core does not (yet) offer. */
public final class GoSymbols {
    private GoSymbols() {}

    /**
     * The import path of a Go function name: {@code github.com/a/b.(*T).M} → {@code github.com/a/b},
     * {@code main.main.func1} → {@code main}. Null for names without a package (C symbols).
     */
    public static String packageOf(String function) {
        if (function == null || function.startsWith("pc=0x") || function.startsWith("(")) return null;
        int bracket = function.indexOf('[');
        String head = bracket >= 0 ? function.substring(0, bracket) : function;
        int slash = head.lastIndexOf('/');
        int dot = head.indexOf('.', slash + 1);
        return dot <= 0 ? null : function.substring(0, dot);
    }

    /** Fence language for a source file, by extension. */
    public static String fenceLanguage(String file) {
        String f = file == null ? "" : file;
        if (f.endsWith(".go")) return "go";
        if (f.endsWith(".c") || f.endsWith(".h")) return "c";
        if (f.endsWith(".cc") || f.endsWith(".cpp") || f.endsWith(".hpp")) return "cpp";
        if (f.endsWith(".s") || f.endsWith(".S")) return "asm";
        return "";
    }
}
