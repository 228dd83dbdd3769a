package dev.llgoframes.lsp;

import dev.llgoframes.lsp.services.GoEnvironment;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;

/**
 * {@code java -jar llgo-frames-lsp.jar [--port N]}: the language server over stdio (default) or, for
 * debugging, one client connection on a loopback port. stdout carries the protocol only: it is taken
 * before anything can print, and System.out is pointed at stderr.
 */
public final class LspMain {
    private LspMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        ServerLogFormat.install();
        Integer port = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                try {
                    port = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    usage("--port needs a number, got '" + args[i] + "'");
                }
            } else if (args[i].equals("--stdio")) {
                port = null;
            } else {
                usage("unknown argument '" + args[i] + "'");
            }
        }
        if (port == null) {
            run(System.in, protocolOut);
        } else {
            try (ServerSocket ss = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                System.err.println("llgo-frames-lsp: listening on 127.0.0.1:" + ss.getLocalPort());
                try (Socket s = ss.accept()) {
                    run(s.getInputStream(), s.getOutputStream());
                }
            }
        }
        System.exit(0);
    }

    static void run(InputStream in, OutputStream out) throws InterruptedException, IOException {
        ClientChannel channel = new ClientChannel(System.err);
        LlgoFramesLanguageServer server = new LlgoFramesLanguageServer(channel, GoEnvironment.system());
        Launcher<LanguageClient> launcher = ServerLauncher.create(server, new BufferedInputStream(in), out, channel::log);
        server.connect(launcher.getRemoteProxy());
        try {
            launcher.startListening().get();
        } catch (ExecutionException e) {
            System.err.println("llgo-frames-lsp: connection ended: " + e.getCause());
        }
    }

    private static void usage(String problem) {
        System.err.println("llgo-frames-lsp: " + problem + "\nusage: llgo-frames-lsp [--stdio | --port N]");
        System.exit(2);
    }
}
