package dev.llgoframes.dap.gdb;

/** Receives what gdb says without being asked. Called on the reader thread: don't block. */
public interface MiEventListener {
    void onAsync(MiRecord.AsyncRecord record);

    /** Console/target/log text not attributed to a command. */
    default void onStream(MiRecord.StreamRecord record) {}

    default void onUnparsed(MiRecord.Unparsed record) {}

    /** The MI stream ended (gdb exited or closed stdout). Called exactly once. */
    void onClosed();
}
