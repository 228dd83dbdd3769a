package dev.llgoframes.core.funcinfo;

/** Splitting and joining rules for qualified names and files (§3.3), and public-name normalization (§2.2). */
public final class Names {
    private Names() {}

    public static String joinQualified(String pkg, String local) {
        if (pkg.isEmpty()) {
            return local;
        }
        if (local.isEmpty()) {
            return pkg;
        }
        return pkg + "." + local;
    }

    /** [package, local] per §3.3: last '/', then the first '.' after it. */
    public static String[] splitQualified(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.indexOf('.', slash + 1);
        if (dot < 0) {
            return new String[] {"", name};
        }
        return new String[] {name.substring(0, dot), name.substring(dot + 1)};
    }

    /** Runtime publicFunctionName: command-line-arguments. → main., then drop ONE leading underscore. */
    public static String publicName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String n = name.startsWith("command-line-arguments.") ? "main." + name.substring("command-line-arguments.".length()) : name;
        return n.startsWith("_") ? n.substring(1) : n;
    }

    /** Strips all leading underscores (used for the __llgo_pcsite_ filter). */
    public static String stripLeadingUnderscores(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '_') {
            i++;
        }
        return name.substring(i);
    }

    public static boolean isPcsiteLabel(String name) {
        return name != null && name.startsWith("__llgo_pcsite_");
    }
}
