package dev.llgoframes.dap.gdb;

/** One line of GDB/MI output. Garbage becomes {@link Unparsed}, never an exception. */
public sealed interface MiRecord
        permits MiRecord.ResultRecord, MiRecord.AsyncRecord, MiRecord.StreamRecord, MiRecord.Prompt, MiRecord.Unparsed {

    /** {@code [token]^class,results}: the answer to a command. token is null when absent. */
    record ResultRecord(Long token, String resultClass, MiValue.Tuple results) implements MiRecord {
        public boolean isError() { return "error".equals(resultClass); }
    }

    enum AsyncKind { EXEC, STATUS, NOTIFY }

    /** {@code *stopped,...}, {@code +download,...}, {@code =thread-created,...}. */
    record AsyncRecord(Long token, AsyncKind kind, String asyncClass, MiValue.Tuple results) implements MiRecord {}

    enum StreamKind { CONSOLE, TARGET, LOG }

    /** {@code ~"text"}, {@code @"text"}, {@code &"text"} with the c-string decoded. */
    record StreamRecord(StreamKind kind, String text) implements MiRecord {}

    /** {@code (gdb)} terminator. */
    record Prompt() implements MiRecord {}

    /** A line that is not MI; {@code error} says what was wrong and {@code offset} where. */
    record Unparsed(String line, String error, int offset) implements MiRecord {}
}
