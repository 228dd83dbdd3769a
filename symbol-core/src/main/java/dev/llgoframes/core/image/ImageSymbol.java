package dev.llgoframes.core.image;

/** A symbol-table entry reduced to what symbolization needs. */
public record ImageSymbol(String name, long value, long size, Type type, Binding binding, int sectionIndex) {
    public enum Type { FUNC, OBJECT, NOTYPE, TLS, SECTION, FILE, OTHER }

    public enum Binding { LOCAL, GLOBAL, WEAK, OTHER }

    public boolean isDefined() { return sectionIndex != 0; }

    public boolean isAbsolute() { return sectionIndex == 0xfff1; }
}
