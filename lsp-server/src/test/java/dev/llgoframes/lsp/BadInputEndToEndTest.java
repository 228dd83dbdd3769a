package dev.llgoframes.lsp;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed requests and documents get error replies or are ignored; the server keeps serving. */
class BadInputEndToEndTest {
    @TempDir Path tmp;

    private static final String TRACE = "panic: boom\\n\\ngoroutine 1 [running]:\\nmain.main(...)\\n\\t/x/main.go:3 +0x1\\n";

    @Test
    void errorsAreAnsweredAndTheServerKeepsServing() throws Exception {
        try (RawRpc rpc = RawRpc.start(tmp)) {
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{},"
                    + "\"initializationOptions\":{\"binaries\":[42],\"diagnostics\":\"yes\",\"substitutePath\":\"nope\"}}}");
            assertTrue(rpc.response("1").has("result"));
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"pa"); // cut JSON
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///t.trace\"},\"position\":\"x\"}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/hover\",\"params\":{}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/documentLink\",\"params\":{\"textDocument\":{\"uri\":\"file:///unknown.trace\"}}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///never-opened.trace\",\"version\":2},\"contentChanges\":[{\"text\":\"x\"}]}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///no-text.trace\",\"languageId\":\"llgo-trace\",\"version\":1}}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///t.trace\",\"languageId\":\"llgo-trace\",\"version\":1,\"text\":\"" + TRACE + "\"}}}");
            // An edit whose range lies past the end is clamped, not fatal.
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///t.trace\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":900,\"character\":0},\"end\":{\"line\":901,\"character\":7}},\"text\":\"\"}]}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///t.trace\"},\"position\":{\"line\":999999,\"character\":-4}}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"workspace/executeCommand\",\"params\":{\"command\":\"llgoFrames.symbolize\",\"arguments\":[{\"binary\":\"/no/such/binary\",\"pcs\":[\"0x1\"]}]}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"workspace/executeCommand\",\"params\":{\"command\":\"llgoFrames.symbolize\",\"arguments\":[{\"binary\":\"/bin/sh\",\"pcs\":[\"zz\"]}]}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"workspace/executeCommand\",\"params\":{\"command\":\"llgoFrames.nope\",\"arguments\":[]}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"workspace/executeCommand\",\"params\":{\"command\":\"llgoFrames.gcView\",\"arguments\":[\"not an object\"]}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"no/such/method\",\"params\":{}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"workspace/executeCommand\",\"params\":{\"command\":\"llgoFrames.symbolize\",\"arguments\":[{\"binary\":\"" + tmp + "\",\"pcs\":[\"0x1\"]}]}}");
            // The follow-up hover still works.
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///t.trace\"},\"position\":{\"line\":3,\"character\":6}}}");

            assertError(rpc.response("3"));
            assertEquals(-32602, assertError(rpc.response("4")).get("code").getAsInt());
            assertTrue(rpc.response("5").get("result").getAsJsonArray().isEmpty());
            assertTrue(rpc.response("6").get("result").isJsonNull());
            assertTrue(assertError(rpc.response("7")).get("message").getAsString().contains("/no/such/binary: no such file"));
            assertTrue(assertError(rpc.response("8")).get("message").getAsString().contains("'\"zz\"' is not a hexadecimal pc"));
            assertTrue(assertError(rpc.response("9")).get("message").getAsString().contains("unknown command"));
            assertError(rpc.response("10"));
            assertEquals(-32601, assertError(rpc.response("11")).get("code").getAsInt());
            assertError(rpc.response("12"));
            JsonObject hover = rpc.response("13").getAsJsonObject("result");
            assertTrue(hover.getAsJsonObject("contents").get("value").getAsString().startsWith("**main.main** · Go function · package `main`"),
                    hover.toString());
            assertTrue(rpc.process.isAlive());
        }
    }

    private static JsonObject assertError(JsonObject response) {
        assertTrue(response.has("error"), response.toString());
        return response.getAsJsonObject("error");
    }
}
