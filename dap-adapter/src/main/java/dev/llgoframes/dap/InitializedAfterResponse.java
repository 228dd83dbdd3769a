package dev.llgoframes.dap;

import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * lsp4j.debug writes a response only after the handler's future completes, so an event sent
 * from the handler can overtake it (lsp4j#229). This outgoing-message wrapper sends the
 * {@code initialized} event right after the launch/attach response has been written: the adapter
 * is configurable only once the program is loaded, and the event can never precede the
 * initialize response.
 */
final class InitializedAfterResponse implements MessageConsumer {
    private static final Set<String> TRIGGERS = Set.of("launch", "attach");

    private final MessageConsumer delegate;
    private final Runnable sendInitialized;
    private final AtomicBoolean sent = new AtomicBoolean();

    InitializedAfterResponse(MessageConsumer delegate, Runnable sendInitialized) {
        this.delegate = delegate;
        this.sendInitialized = sendInitialized;
    }

    @Override
    public void consume(Message message) {
        delegate.consume(message);
        if (message instanceof DebugResponseMessage r && TRIGGERS.contains(r.getMethod()) && r.getError() == null
                && sent.compareAndSet(false, true)) {
            sendInitialized.run();
        }
    }
}
