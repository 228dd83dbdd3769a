package dev.llgoframes.core.panic;

/** One {@code panicNode} of the {@code g.panic_} chain: the panic value as an interface (type word, data word). */
public record PanicNode(long address, long prev, long typeWord, long dataWord, long deferFrame) {}
