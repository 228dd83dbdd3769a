package dev.llgoframes.lsp;

import org.eclipse.lsp4j.jsonrpc.CancelChecker;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Runs requests on the request pool one document at a time, in arrival order. Requests on one document
 * share its parse anyway; queued per document, a huge trace keeps at most one pool thread busy and a
 * hover on another document is not stuck behind its links, symbols and folding ranges.
 */
final class DocumentQueue {
    private final Executor pool;
    private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();

    DocumentQueue(Executor pool) {
        this.pool = pool;
    }

    /** {@code task} after the earlier requests on {@code key}; cancelling the result (lsp4j's $/cancelRequest) skips or stops it. */
    synchronized <R> CompletableFuture<R> submit(String key, Function<CancelChecker, R> task) {
        CompletableFuture<R> result = new CompletableFuture<>();
        CancelChecker cancel = () -> {
            if (result.isCancelled()) throw new CancellationException();
        };
        CompletableFuture<Void> before = tails.getOrDefault(key, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> run = before.thenRunAsync(() -> {
            if (result.isDone()) return;
            try {
                result.complete(task.apply(cancel));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, pool);
        tails.put(key, run);
        run.whenComplete((x, e) -> {
            synchronized (this) {
                tails.remove(key, run);
            }
        });
        return result;
    }
}
