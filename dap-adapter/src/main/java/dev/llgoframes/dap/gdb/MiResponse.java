package dev.llgoframes.dap.gdb;

/** A successful answer: the result record's class and results, plus the console text gdb printed for it. */
public record MiResponse(String resultClass, MiValue.Tuple results, String console) {}
