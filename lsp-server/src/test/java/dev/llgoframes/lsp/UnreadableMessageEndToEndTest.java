package dev.llgoframes.lsp;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON-RPC 2.0 §5: a body that is not JSON, or whose id cannot be read, is answered with id null. */
class UnreadableMessageEndToEndTest {
    @TempDir Path home;

    @Test
    void notJsonAndUnreadableIdsGetAnErrorWithANullId() throws Exception {
        try (RawRpc rpc = RawRpc.start(home)) {
            rpc.sendRaw("this is not json");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":{\"an\":\"object\"},\"method\":\"initialize\",\"params\":{}}");
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"shutdown\"}");
            // the server still serves: a well-formed request after them is answered normally
            rpc.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            JsonObject init = rpc.response("7");
            assertTrue(init.has("result"), init.toString());
            List<JsonObject> nullIds = rpc.responses().stream()
                    .filter(r -> r.has("id") && r.get("id").isJsonNull() || !r.has("id")).toList();
            System.out.println("unreadable messages answered: " + nullIds);
            assertEquals(3, nullIds.size(), rpc.responses().toString());
            // not JSON: parse error; JSON whose id is an object or a fraction: invalid request
            assertEquals(List.of(-32700, -32600, -32600), nullIds.stream()
                    .map(r -> r.getAsJsonObject("error").get("code").getAsInt()).toList(), nullIds.toString());
        }
    }
}
