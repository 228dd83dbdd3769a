package dev.llgoframes.lsp;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * lsp4j reports every malformed message through java.util.logging with the parser's stack trace; a
 * hostile client would fill stderr with them. Such reports become one line. A throwable that passed
 * through our code keeps its full stack: that is a bug worth seeing.
 */
final class ServerLogFormat extends Formatter {
    private static final String OURS = "dev.llgoframes.";

    static void install() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) root.removeHandler(h);
        ConsoleHandler h = new ConsoleHandler(); // stderr: stdout carries the protocol
        h.setFormatter(new ServerLogFormat());
        root.addHandler(h);
    }

    @Override
    public String format(LogRecord r) {
        StringBuilder b = new StringBuilder("llgo-frames-lsp: ").append(r.getLevel()).append(' ')
                .append(r.getLoggerName() == null ? "" : r.getLoggerName().substring(r.getLoggerName().lastIndexOf('.') + 1))
                .append(": ").append(oneLine(formatMessage(r)));
        Throwable t = r.getThrown();
        if (t != null && ours(t)) {
            java.io.StringWriter w = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(w));
            b.append('\n').append(w);
        } else if (t != null) {
            b.append(" (").append(t.getClass().getSimpleName()).append(": ").append(oneLine(String.valueOf(t.getMessage()))).append(')');
        }
        return b.append('\n').toString();
    }

    static boolean ours(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            for (StackTraceElement e : x.getStackTrace()) if (e.getClassName().startsWith(OURS)) return true;
        }
        return false;
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        String t = s.replace('\n', ' ').replace('\r', ' ');
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
