package dev.llgoframes.core.symbolize;

/** What kind of code a pc lies in. */
public enum FrameKind {
    GO, C, RUNTIME;

    public String json() { return name().toLowerCase(); }
}
