package dev.llgoframes.dap.session;

/** What exceptionInfo reports for the last exception stop of a thread. */
public record ExceptionDetails(String id, String description, String message, String typeName, String stackText) {}
