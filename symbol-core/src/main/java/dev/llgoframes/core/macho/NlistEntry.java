package dev.llgoframes.core.macho;

/** An nlist_64 entry with its name exactly as stored (C names carry one leading underscore). */
public record NlistEntry(String rawName, int type, int sectionOrdinal, int desc, long value) {
    public boolean isStab() { return (type & MachO.N_STAB) != 0; }

    public boolean isExternal() { return (type & MachO.N_EXT) != 0; }

    public boolean isPrivateExternal() { return (type & MachO.N_PEXT) != 0; }

    public boolean isDefinedInSection() { return !isStab() && (type & MachO.N_TYPE) == MachO.N_SECT; }

    public boolean isAbsolute() { return !isStab() && (type & MachO.N_TYPE) == MachO.N_ABS; }

    public boolean isWeakDefinition() { return (desc & MachO.N_WEAK_DEF) != 0; }

    /** The name as the compiler spelled it: one leading underscore removed (§2.1). */
    public String name() {
        return rawName.startsWith("_") ? rawName.substring(1) : rawName;
    }
}
