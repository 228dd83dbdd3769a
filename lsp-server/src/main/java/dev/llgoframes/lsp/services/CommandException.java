package dev.llgoframes.lsp.services;

/** A command's arguments are wrong or name something that is not there; becomes an InvalidParams reply. */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }
}
