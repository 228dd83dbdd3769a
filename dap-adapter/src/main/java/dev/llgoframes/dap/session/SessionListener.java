package dev.llgoframes.dap.session;

/** What the session tells the client side. Called on the session thread. */
public interface SessionListener {
    void stopped(StopEvent event);

    void continued(int threadId);

    /** category: "stdout" (the program), "console" (the debugger), "important" (session problems). */
    void output(String category, String text);

    void exited(int exitCode);

    void terminated(String reason);

    void thread(String reason, int threadId);

    void process(String name, long pid, String startMethod);
}
