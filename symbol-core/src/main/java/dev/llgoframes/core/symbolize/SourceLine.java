package dev.llgoframes.core.symbolize;

/** A file:line answer from a line table. */
public record SourceLine(String file, int line) {}
