package dev.llgoframes.lsp;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/** lsp4j's server launcher with {@link GuardedMessageProducer} reading the input instead of lsp4j's reader. */
final class ServerLauncher extends LSPLauncher.Builder<LanguageClient> {
    private final Consumer<String> log;
    private MessageJsonHandler json;
    private RemoteEndpoint endpoint;

    private ServerLauncher(Consumer<String> log) {
        this.log = log;
    }

    static Launcher<LanguageClient> create(Object server, InputStream in, OutputStream out, Consumer<String> log) {
        ServerLauncher b = new ServerLauncher(log);
        b.setLocalService(server).setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out);
        return b.create();
    }

    @Override
    protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
        this.json = jsonHandler;
        this.endpoint = super.createRemoteEndpoint(jsonHandler);
        return endpoint;
    }

    @Override
    protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer ignored, MessageConsumer consumer, LanguageClient proxy) {
        return super.createMessageProcessor(new GuardedMessageProducer(input, json, endpoint, getSupportedMethods(), log), consumer, proxy);
    }
}
