package dev.llgoframes.cli;

/** An input file or stream cannot be used; the message names it and the cause. */
final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }
}
