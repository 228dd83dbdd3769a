package dev.llgoframes.dap.session;

/**
 * What exceptionInfo reports for the last exception stop of a thread.
 *
 * @param unhandled the program ends after this stop (an unrecovered panic): DAP's break mode
 *                  "unhandled"; every other stop is one the user asked for ("always")
 */
public record ExceptionDetails(String id, String description, String message, String typeName, String stackText,
        boolean unhandled) {}
