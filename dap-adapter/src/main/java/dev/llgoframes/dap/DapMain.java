package dev.llgoframes.dap;

import dev.llgoframes.dap.gdb.GdbBackend;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.debug.DebugLauncher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The adapter process: DAP on stdin/stdout, logs on stderr (or LLGO_DAP_LOG_FILE). stdout is
 * taken away from everything else at start so no stray print can corrupt the protocol.
 */
public final class DapMain {
    private DapMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream protocolOut = System.out;
        InputStream protocolIn = System.in;
        System.setOut(System.err);
        configureLogging();

        LlgoDebugServer server = new LlgoDebugServer(GdbBackend::start);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dap-io");
            t.setDaemon(true);
            return t;
        });
        Launcher<IDebugProtocolClient> launcher = DebugLauncher.createLauncher(server, IDebugProtocolClient.class,
                protocolIn, protocolOut, pool, consumer -> new InitializedAfterResponse(consumer, server::sendInitialized));
        server.connect(launcher.getRemoteProxy());
        server.onDisconnect(() -> {
            // give the disconnect response time to leave, then end even if the client keeps the pipe open
            Thread t = new Thread(() -> {
                sleep(300);
                exit(server, 0);
            }, "dap-exit");
            t.setDaemon(true);
            t.start();
        });
        Logger.getLogger(DapMain.class.getName()).info("LLGo Frames debug adapter ready");
        try {
            launcher.startListening().get();
        } catch (Exception e) {
            Logger.getLogger(DapMain.class.getName()).log(Level.INFO, "client connection ended", e);
        }
        // the client went away (EOF on stdin) with or without a disconnect: leave nothing behind
        exit(server, 0);
    }

    private static synchronized void exit(LlgoDebugServer server, int code) {
        try {
            server.session().close();
        } finally {
            Runtime.getRuntime().halt(code);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void configureLogging() throws IOException {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        String file = System.getenv("LLGO_DAP_LOG_FILE");
        Handler h = file != null && !file.isBlank() ? new FileHandler(file, true) : new ConsoleHandler();
        h.setFormatter(new SimpleFormatter());
        Level level = parseLevel(System.getenv("LLGO_DAP_LOG"));
        h.setLevel(level);
        root.addHandler(h);
        root.setLevel(level);
        Logger.getLogger("org.eclipse.lsp4j").setLevel(Level.WARNING);
    }

    private static Level parseLevel(String s) {
        if (s == null || s.isBlank()) {
            return Level.INFO;
        }
        try {
            return Level.parse(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
