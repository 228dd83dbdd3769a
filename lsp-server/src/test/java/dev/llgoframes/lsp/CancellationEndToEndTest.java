package dev.llgoframes.lsp;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code $/cancelRequest} over real JSON-RPC: a documentSymbol request on a 300,000-line dump is
 * answered RequestCancelled (-32800), and a later request on the same document is still served.
 */
class CancellationEndToEndTest {
    @TempDir Path home;

    @Test
    void aCancelledRequestIsAnsweredRequestCancelledAndTheDocumentStillServes() throws Exception {
        String text = HugeDumpEndToEndTest.dump("/build/app/main.go", 300_000);
        String uri = home.resolve("dump.trace").toUri().toString();
        try (RawRpc rpc = RawRpc.start(home)) {
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            assertTrue(rpc.response("1").has("result"));
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":" + HostileProbes.open(uri, text) + "}");

            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/documentSymbol\",\"params\":"
                    + HostileProbes.docParams(uri) + "}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":2}}");
            JsonObject cancelled = rpc.response("2", 60_000);
            assertTrue(cancelled.has("error"), "the 300,000-line outline was not cancelled: " + cancelled.toString().length() + " chars");
            assertEquals(-32800, cancelled.getAsJsonObject("error").get("code").getAsInt(), cancelled.toString());

            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":"
                    + HostileProbes.hoverParams(uri, 3, 2) + "}");
            JsonObject hover = rpc.response("3", 60_000);
            assertTrue(hover.has("result") && !hover.get("result").isJsonNull(), hover.toString());
        }
    }
}
