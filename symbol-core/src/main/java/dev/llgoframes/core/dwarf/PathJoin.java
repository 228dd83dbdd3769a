package dev.llgoframes.core.dwarf;

/** Joins DWARF directory and file names the way addr2line and gdb do: no normalisation. */
final class PathJoin {
    private PathJoin() {}

    static boolean isAbsolute(String p) {
        if (p.startsWith("/") || p.startsWith("\\")) {
            return true;
        }
        // Windows drive paths show up in cross-compiled LLGo binaries.
        return p.length() >= 3 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':'
                && (p.charAt(2) == '/' || p.charAt(2) == '\\');
    }

    /** {@code child} under {@code parent}; an absolute or empty-parent child stands alone. */
    static String join(String parent, String child) {
        if (parent == null || parent.isEmpty() || isAbsolute(child)) {
            return child;
        }
        if (child.isEmpty()) {
            return parent;
        }
        char last = parent.charAt(parent.length() - 1);
        return last == '/' || last == '\\' ? parent + child : parent + "/" + child;
    }
}
