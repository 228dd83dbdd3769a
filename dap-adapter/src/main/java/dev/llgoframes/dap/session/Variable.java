package dev.llgoframes.dap.session;

/** A named value; {@code childrenRef} is 0 for leaves. */
public record Variable(String name, String value, int childrenRef) {}
