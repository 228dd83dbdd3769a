package dev.llgoframes.core.panic;

/**
 * A panic value as the user should read it: {@code text} is what follows {@code panic: } in
 * gc's output; {@code typeName} is null when the type word could not be named.
 */
public record PanicValue(String typeName, String text, boolean runtimeError) {}
