package dev.llgoframes.dap.gdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends MI commands with numeric tokens and matches {@code ^result} records to them. Async and
 * stream records go to the listener. gdb executes commands in order, so console text that
 * arrives before a result belongs to that command and is returned with it (the REPL needs it).
 */
public final class MiClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MiClient.class.getName());
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private record Pending(String command, CompletableFuture<MiResponse> future) {}

    private final OutputStream toGdb;
    private final BufferedReader fromGdb;
    private final MiEventListener listener;
    private final AtomicLong nextToken = new AtomicLong(1);
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final StringBuilder console = new StringBuilder();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread reader;
    private volatile String closeReason = "gdb closed its output";

    public MiClient(InputStream fromGdb, OutputStream toGdb, MiEventListener listener) {
        this.fromGdb = new BufferedReader(new InputStreamReader(fromGdb, StandardCharsets.UTF_8));
        this.toGdb = toGdb;
        this.listener = listener;
        this.reader = new Thread(this::readLoop, "gdb-mi-reader");
        this.reader.setDaemon(true);
    }

    public void start() {
        reader.start();
    }

    /** Sends a command; the future fails with {@link MiCommandException} on {@code ^error}. */
    public CompletableFuture<MiResponse> send(String command) {
        long token = nextToken.getAndIncrement();
        CompletableFuture<MiResponse> f = new CompletableFuture<>();
        if (closed.get()) {
            f.completeExceptionally(new GdbGoneException(closeReason));
            return f;
        }
        pending.put(token, new Pending(command, f));
        try {
            synchronized (toGdb) {
                toGdb.write((token + command + "\n").getBytes(StandardCharsets.UTF_8));
                toGdb.flush();
            }
            LOG.fine(() -> "-> " + token + command);
        } catch (IOException e) {
            pending.remove(token);
            f.completeExceptionally(new GdbGoneException("cannot write to gdb: " + e.getMessage()));
        }
        return f;
    }

    /** Sends and waits; unwraps the future's failure into a {@link GdbException}. */
    public MiResponse call(String command, Duration timeout) {
        CompletableFuture<MiResponse> f = send(command);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MiTimeoutException(command, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GdbException("interrupted while waiting for gdb");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GdbException g) {
                throw g;
            }
            throw new GdbException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    public MiResponse call(String command) {
        return call(command, DEFAULT_TIMEOUT);
    }

    public boolean isClosed() {
        return closed.get();
    }

    private void readLoop() {
        try {
            String line;
            while ((line = fromGdb.readLine()) != null) {
                dispatch(line);
            }
        } catch (IOException | UncheckedIOException e) {
            closeReason = "gdb output failed: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "MI reader crashed", e);
            closeReason = "MI reader failed: " + e;
        } finally {
            shutdown();
        }
    }

    private void dispatch(String line) {
        LOG.finer(() -> "<- " + line);
        MiRecord r = MiParser.parse(line);
        if (r instanceof MiRecord.ResultRecord rr) {
            String text;
            synchronized (console) {
                text = console.toString();
                console.setLength(0);
            }
            Pending p = rr.token() == null ? null : pending.remove(rr.token());
            if (p == null) {
                LOG.fine(() -> "unmatched result record: " + line);
                return;
            }
            if (rr.isError()) {
                p.future().completeExceptionally(new MiCommandException(p.command(), rr.results().stringOr("msg", "error")));
            } else {
                p.future().complete(new MiResponse(rr.resultClass(), rr.results(), text));
            }
        } else if (r instanceof MiRecord.AsyncRecord ar) {
            safely(() -> listener.onAsync(ar));
        } else if (r instanceof MiRecord.StreamRecord sr) {
            if (sr.kind() == MiRecord.StreamKind.CONSOLE && !pending.isEmpty()) {
                synchronized (console) {
                    console.append(sr.text());
                }
            }
            safely(() -> listener.onStream(sr));
        } else if (r instanceof MiRecord.Unparsed u) {
            LOG.fine(() -> "not MI (" + u.error() + " at " + u.offset() + "): " + u.line());
            safely(() -> listener.onUnparsed(u));
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MI listener failed", e);
        }
    }

    private void shutdown() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Long t : pending.keySet()) {
            Pending p = pending.remove(t);
            if (p != null) {
                p.future().completeExceptionally(new GdbGoneException(closeReason + " (while running '" + p.command() + "')"));
            }
        }
        safely(listener::onClosed);
    }

    @Override
    public void close() {
        try {
            toGdb.close();
        } catch (IOException ignored) {
            // gdb already gone
        }
    }
}
