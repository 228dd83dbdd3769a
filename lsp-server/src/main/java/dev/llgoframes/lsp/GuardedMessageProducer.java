package dev.llgoframes.lsp;

import com.google.gson.JsonParseException;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the client's messages in place of lsp4j's StreamMessageProducer: frames come from
 * {@link FrameReader} (which resynchronizes after bad framing), and requests lsp4j would mishandle are
 * answered here through its issue handler: an unknown method (lsp4j answers {@code $/…} with a null
 * result) gets MethodNotFound, a notification sent with an id (lsp4j throws and never answers) gets
 * InvalidRequest. A body that is not a message is reported in one line; nothing ends the loop but the
 * end of the input.
 */
final class GuardedMessageProducer implements MessageProducer, Closeable {
    private final FrameReader frames;
    private final InputStream input;
    private final MessageJsonHandler json;
    private final MessageIssueHandler issues;
    private final Map<String, JsonRpcMethod> methods;
    private final Consumer<String> log;
    private volatile boolean running;

    GuardedMessageProducer(InputStream input, MessageJsonHandler json, MessageIssueHandler issues,
            Map<String, JsonRpcMethod> methods, Consumer<String> log) {
        this.input = input;
        this.frames = new FrameReader(input, log);
        this.json = json;
        this.issues = issues;
        this.methods = methods;
        this.log = log;
    }

    @Override
    public void listen(MessageConsumer callback) {
        running = true;
        try {
            while (running) {
                byte[] body = frames.next();
                if (body == null) return;
                Message m = parse(body);
                if (m == null) continue;
                if (m instanceof RequestMessage r && !acceptable(r)) continue;
                try {
                    callback.consume(m);
                } catch (MessageIssueException e) {
                    issues.handle(e.getRpcMessage(), e.getIssues());
                } catch (JsonRpcException e) {
                    throw e; // the output is gone: nothing more can be answered
                } catch (RuntimeException e) {
                    log.accept("message not handled: " + e);
                }
            }
        } catch (IOException e) {
            if (running) log.accept("input ended: " + e.getMessage());
        }
    }

    private Message parse(byte[] body) {
        try {
            return json.parseMessage(new String(body, StandardCharsets.UTF_8));
        } catch (MessageIssueException e) {
            issues.handle(e.getRpcMessage(), e.getIssues());
        } catch (JsonParseException | IllegalStateException | ClassCastException | UnsupportedOperationException
                 | NumberFormatException | NullPointerException e) {
            log.accept("unreadable message of " + body.length + " bytes: " + oneLine(e));
            answerWithoutId(isJson(body) ? ResponseErrorCode.InvalidRequest : ResponseErrorCode.ParseError,
                    "unreadable message: " + oneLine(e));
        } catch (StackOverflowError e) {
            log.accept("message of " + body.length + " bytes nested too deeply");
            answerWithoutId(ResponseErrorCode.ParseError, "message nested too deeply");
        }
        return null;
    }

    /** Valid JSON that is not a readable message is an invalid request; anything else a parse error. */
    private static boolean isJson(byte[] body) {
        try {
            com.google.gson.JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    /** JSON-RPC 2.0 §5: an error for a message whose id cannot be read is sent with id null. */
    private void answerWithoutId(ResponseErrorCode code, String message) {
        RequestMessage unknown = new RequestMessage();
        unknown.setJsonrpc("2.0");
        unknown.setMethod("");
        try {
            issues.handle(unknown, List.of(new MessageIssue(message, code.getValue())));
        } catch (RuntimeException e) {
            log.accept("could not answer an unreadable message: " + oneLine(e));
        }
    }

    /** Answers here the requests lsp4j would answer wrongly or not at all. */
    private boolean acceptable(RequestMessage r) {
        JsonRpcMethod method = r.getMethod() == null ? null : methods.get(r.getMethod());
        if (method == null) {
            issues.handle(r, List.of(new MessageIssue("Unsupported request method: " + r.getMethod(), ResponseErrorCode.MethodNotFound.getValue())));
            return false;
        }
        if (method.isNotification()) {
            issues.handle(r, List.of(new MessageIssue(r.getMethod() + " is a notification; it was sent with an id",
                    ResponseErrorCode.InvalidRequest.getValue())));
            return false;
        }
        return true;
    }

    private static String oneLine(Throwable e) {
        String s = String.valueOf(e.getMessage()).replace('\n', ' ');
        return e.getClass().getSimpleName() + ": " + (s.length() > 200 ? s.substring(0, 200) + "…" : s);
    }

    @Override
    public void close() throws IOException {
        running = false;
        input.close();
    }
}
