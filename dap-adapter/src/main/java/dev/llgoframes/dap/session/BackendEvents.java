package dev.llgoframes.dap.session;

/** What a backend reports on its own. Delivered on the backend's reader thread: never block. */
public interface BackendEvents {
    void stopped(RawStop stop);

    void running();

    void threadStarted(int threadId);

    void threadExited(int threadId);

    /** The program wrote to its stdout/stderr. */
    void programOutput(String text);

    /** Text from the debugger itself (warnings, signal messages). */
    void debuggerOutput(String text);

    /** The program's process is gone or a zombie; the backend may not notice on its own while it is stopped. */
    void inferiorGone();

    /** The backend died; the session cannot continue. */
    void backendDied(String message);
}
