package dev.llgoframes.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --port N}: one client over a loopback socket instead of stdio; bad arguments exit 2 with the usage. */
class PortModeEndToEndTest {
    private static Process server(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", LspProcess.classpath(), "dev.llgoframes.lsp.LspMain"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    @Test
    void aClientOnTheAnnouncedLoopbackPortIsServed() throws Exception {
        Process p = server("--port", "0");
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String port = null;
            while (port == null) {
                String line = err.readLine(); // the announcement is the server's first stderr line
                if (line == null) break;
                Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(line);
                if (m.find()) port = m.group(1);
            }
            assertTrue(port != null, "no port announced on stderr");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port))) {
                Launcher<LanguageServer> l = LSPLauncher.createClientLauncher(new RecordingClient(), s.getInputStream(), s.getOutputStream());
                l.startListening();
                LanguageServer ls = l.getRemoteProxy();
                InitializeParams init = new InitializeParams();
                init.setCapabilities(new ClientCapabilities());
                InitializeResult r = ls.initialize(init).get(30, TimeUnit.SECONDS);
                assertEquals("llgo-frames-lsp", r.getServerInfo().getName());
                ls.initialized(new InitializedParams());
                ls.shutdown().get(10, TimeUnit.SECONDS);
                ls.exit();
            }
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server ends with its one connection");
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() throws Exception {
        Process p = server("--port", "http");
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("--port needs a number, got 'http'") && err.contains("usage: llgo-frames-lsp [--stdio | --port N]"), err);
        assertEquals(0, p.getInputStream().readAllBytes().length, "nothing on stdout, the protocol channel");
    }
}
